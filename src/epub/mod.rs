//! The EPUB back end: the whole interview as a book (issue 6).
