//! The placeholders of a letter template, read from handlebars' own parse
//! of it: its [`tags`] and the variables they read, the [`dialect`] a
//! letter may be written in, and the [`prose`] around the tags. `check`
//! compares them between a source letter and its translations and against
//! the variables a letter is given; the renderer keeps only the variables
//! a letter reads.

pub mod dialect;
pub mod prose;
pub mod tags;

pub use dialect::{MAX_TEMPLATE_BYTES, Refused, check_allowed, check_limits, check_parsed};
pub use prose::prose_paragraphs;
pub use tags::{Tag, reads_indirectly, tags, variables_of};
