//! Cards for how platforms post: JPEG and WebP files, carousels, the long image, the source
//! (QR code) on the card and highlighted phrases, from the command line.

mod carousel;
mod formats;
mod highlight;
mod jobs;
mod long_image;
mod slots;

/// The codes `zbarimg` reads in an image, one per line. Panics (the test fails) when zbarimg
/// is missing: install Debian's zbar-tools.
pub fn zbar(file: &std::path::Path) -> Vec<String> {
    let o = std::process::Command::new("zbarimg")
        .args(["--quiet", "--raw", "-Sqrcode.enable"])
        .arg(file)
        .output()
        .expect("zbarimg is needed: apt-get install zbar-tools");
    assert!(
        o.status.success(),
        "zbarimg found no code in {}",
        file.display()
    );
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .filter(|l| l.contains("://"))
        .map(str::to_string)
        .collect()
}
