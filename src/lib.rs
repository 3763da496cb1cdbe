//! `appeal`: compose personal letters for human-rights urgent actions.
//!
//! Data flows one way: the command line names an action, the `library`
//! loads it, `answers` are gathered from flags, the environment, the config
//! file or prompts, the `letter` is rendered and wrapped, and `deliver`
//! puts it on stdout, in a file or on the clipboard.

pub mod action;
pub mod answers;
pub mod batch;
pub mod check;
pub mod cli;
pub mod commands;
pub mod config;
pub mod deadline;
pub mod deliver;
pub mod error;
pub mod history;
pub mod interrupt;
pub mod lang;
pub mod letter;
pub mod library;
pub mod placeholders;
pub mod prompt;
pub mod talk;
pub mod template;
pub mod wrap;
