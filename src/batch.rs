//! Batch verification for verifier services (std): many documents across all cores.
//!
//! Work is handed out one document at a time from a shared counter, so a slow document
//! (a long chain, a big detached content) does not hold up a whole pre-assigned slice.

use alloc::vec::Vec;
use core::num::NonZeroUsize;
use core::sync::atomic::{AtomicUsize, Ordering};

use crate::cms::{CmsReport, CmsVerifier, Content};

/// One document for [`CmsVerifier::verify_batch`].
#[derive(Clone, Copy, Debug)]
pub struct BatchDocument<'d> {
    /// The SignedData (a DER ContentInfo).
    pub signed_data: &'d [u8],
    /// Detached content, or `None` for attached content.
    pub detached_content: Option<&'d [u8]>,
}

/// The number of threads the machine offers (1 if it cannot tell).
pub fn available_threads() -> NonZeroUsize {
    std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN)
}

/// Runs `f` over `items` on `threads` scoped worker threads, returning results in input
/// order. With one thread (or one item) it runs on the calling thread.
pub fn parallel_map<T, R, F>(items: &[T], threads: NonZeroUsize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let workers = threads.get().min(items.len());
    if workers <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<R>> = core::iter::repeat_with(|| None).take(items.len()).collect();
    let finished: Vec<Vec<(usize, R)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(index) else { break };
                        done.push((index, f(item)));
                    }
                    done
                })
            })
            .collect();
        handles
            .into_iter()
            // A panicking `f` is a bug in the caller's closure; re-raise it on this thread.
            .map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    for (index, result) in finished.into_iter().flatten() {
        slots[index] = Some(result);
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("every index below len is claimed exactly once"))
        .collect()
}

impl CmsVerifier<'_> {
    /// Verifies `documents` on `threads` threads with this verifier's settings; reports come
    /// back in input order. Use [`available_threads`] for all cores.
    pub fn verify_batch(
        &self,
        documents: &[BatchDocument<'_>],
        threads: NonZeroUsize,
    ) -> Vec<CmsReport> {
        parallel_map(documents, threads, |doc| {
            let content = match doc.detached_content {
                Some(bytes) => Content::Bytes(bytes),
                None => Content::Attached,
            };
            self.verify(doc.signed_data, content)
        })
    }
}
