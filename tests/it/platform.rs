//! Cards for how platforms post: JPEG and WebP files, carousels, the long image, the source
//! (QR code) on the card and highlighted phrases, from the command line.

mod formats;
