//! The integration tests, in one test binary so that the library is linked once: the real
//! `plenary` binary (`cli`), the outputs read back (`build`, `pdf`), the examples and their
//! mutations, the UI fixtures under `tests/ui/`, and the generated documentation.

mod build;
mod cli;
mod docs;
mod examples;
mod mutations;
mod pdf;
mod ui;
