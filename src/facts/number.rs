//! TODO: numbers as each language writes them.
