//! Fixture PDFs for the PDF reader's tests and benchmark: a minimal writer,
//! a typesetter that lays briefings out like think-tank PDFs, a generator
//! of briefings in our own words, and the scores against known truth.
#![allow(dead_code)]

pub mod corpus;
pub mod score;
pub mod typeset;
pub mod writer;
