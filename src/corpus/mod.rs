//! Reading news articles from files and folders into [`Article`]s.

mod article;

pub use article::{Article, Chrome, ChromeKind};
