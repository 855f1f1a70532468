//! The crate's DER cursor with every failure reported as [`Error::CmsMalformed`] (the caller
//! decides whether a more specific error applies), and a bounded element walk.

use alloc::vec::Vec;

use crate::Error;
use crate::tlv::{ErrorMap, MappedCursor};
pub(crate) use crate::tlv::{Tlv, tag};

/// Maps `der`'s failures to [`Error::CmsMalformed`].
pub(crate) struct CmsMalformed;

impl ErrorMap for CmsMalformed {
    type Error = Error;
    fn map(_: der::Error) -> Error {
        Error::CmsMalformed
    }
}

/// The cursor of SignedData's outer layers.
pub(crate) type Cursor<'a> = MappedCursor<'a, CmsMalformed>;

/// Every element of `value` (the contents of a constructed element), at most `max` of them;
/// more is `too_many`.
pub(crate) fn elements(value: &[u8], max: usize, too_many: Error) -> Result<Vec<Tlv<'_>>, Error> {
    let mut cursor = Cursor::new(value)?;
    let mut out = Vec::new();
    while !cursor.is_empty() {
        if out.len() == max {
            return Err(too_many);
        }
        out.push(cursor.any()?);
    }
    Ok(out)
}
