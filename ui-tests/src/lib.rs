//! Only the trybuild suite under `tests/`.
