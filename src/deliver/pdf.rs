//! Printable letters as PDF. (Placeholder until the PDF renderer lands: the
//! interface below is the one the renderer keeps.)

/// Paper sizes for printed letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Paper {
    A4,
    Letter,
}

/// What goes on the page, top to bottom.
pub struct Page<'a> {
    pub sender: &'a [String],
    pub recipient: &'a [String],
    pub body: &'a str,
}

/// Renders the page(s) as PDF bytes.
pub fn render(_page: &Page, _paper: Paper) -> Result<Vec<u8>, String> {
    Err("PDF output is not built yet".to_string())
}
