//! A file of the site as rendered: its path in the output folder and its
//! bytes.

/// One output file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub path: String,
    pub bytes: Vec<u8>,
}
