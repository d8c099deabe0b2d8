//! Work on many files at once: each file on the next free core, the results taken in the order
//! of the files, so that what a run prints does not depend on which file finished first.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// From this size on, the work on one text is shared among the cores: its blocks are parsed and
/// its checks run on all of them. A declaration is read and checked faster than threads start;
/// a text of megabytes (a treaty with its schedules, a generated draft) is not.
pub const PARALLEL_FROM: usize = 256 * 1024;

/// How many files are worked on at once: one per core; and one on a thread that already works
/// on one item among others (a file of many), where the cores are shared already.
pub fn threads() -> usize {
    if SHARING.get() {
        return 1;
    }
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// How many threads the work on one text of `len` bytes is shared among: all of [`threads`]
/// from [`PARALLEL_FROM`] on, else one.
pub fn threads_for(len: usize) -> usize {
    if len >= PARALLEL_FROM {
        threads()
    } else {
        1
    }
}

thread_local! {
    /// Whether this thread is one of those that [`in_order_with`] shares its items among.
    static SHARING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `work` on every item, on up to `threads` threads, and hands each result to `report` in
/// the order of the items, as soon as the results before it are in. One item, or one thread,
/// runs on the calling thread alone.
pub fn in_order<T, R>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> R + Sync,
    report: impl FnMut(usize, R),
) where
    T: Sync,
    R: Send,
{
    in_order_with(items, threads, || (), |(), item| work(item), report);
}

/// [`in_order`] over runs of `together` neighbouring items, for items each worked on faster
/// than it is handed to another thread (a text's blocks, its passages): `report` is given each
/// run, in order, with what `work` made of it.
pub fn in_chunks<T, R>(
    items: &[T],
    together: usize,
    threads: usize,
    work: impl Fn(&[T]) -> R + Sync,
    mut report: impl FnMut(&[T], R),
) where
    T: Sync,
    R: Send,
{
    let chunks: Vec<&[T]> = items.chunks(together.max(1)).collect();
    in_order(
        &chunks,
        threads,
        |chunk| work(chunk),
        |i, result| report(chunks[i], result),
    );
}

/// [`in_order`] for work that keeps something from one item to the next on each thread, made
/// there by `start`: a cache, say, that cannot be shared between threads.
pub fn in_order_with<T, S, R>(
    items: &[T],
    threads: usize,
    start: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, &T) -> R + Sync,
    mut report: impl FnMut(usize, R),
) where
    T: Sync,
    R: Send,
{
    let threads = threads.min(items.len());
    if threads <= 1 {
        let mut state = start();
        for (i, item) in items.iter().enumerate() {
            report(i, work(&mut state, item));
        }
        return;
    }
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let (sender, receiver) = mpsc::channel();
        for _ in 0..threads {
            let sender = sender.clone();
            let (next, start, work) = (&next, &start, &work);
            scope.spawn(move || {
                SHARING.set(true);
                let mut state = start();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    if sender.send((i, work(&mut state, item))).is_err() {
                        break;
                    }
                }
            });
        }
        // The workers hold the only senders left, so the loop ends when the last one is done.
        drop(sender);
        let mut waiting = BTreeMap::new();
        let mut turn = 0;
        for (i, result) in receiver {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&turn) {
                report(turn, result);
                turn += 1;
            }
        }
    });
}

/// A progress line on standard error (`checked 120 of 1000 files`), shown only on a terminal
/// and only once a run has taken longer than a second, so that short runs and logs stay clean.
pub struct Progress {
    total: usize,
    verb: &'static str,
    shown: bool,
    enabled: bool,
    started: Instant,
    last: Instant,
}

impl Progress {
    /// How long a run goes before the line appears.
    const AFTER: Duration = Duration::from_secs(1);
    /// How often the line is redrawn at most.
    const EVERY: Duration = Duration::from_millis(100);

    /// A progress line for `total` files, of which `verb` says what is done to each;
    /// `enabled` only when standard error is a terminal.
    pub fn new(total: usize, verb: &'static str, enabled: bool) -> Progress {
        let now = Instant::now();
        Progress {
            total,
            verb,
            shown: false,
            enabled: enabled && total > 1,
            started: now,
            last: now,
        }
    }

    /// Removes the line, before anything else is printed to standard error.
    pub fn clear(&mut self) {
        if self.shown {
            let _ = std::io::stderr().lock().write_all(b"\r\x1b[2K");
            self.shown = false;
        }
    }

    /// Shows that `done` of the files are done.
    pub fn show(&mut self, done: usize) {
        let now = Instant::now();
        if !self.enabled
            || now.duration_since(self.started) < Self::AFTER
            || (self.shown && now.duration_since(self.last) < Self::EVERY)
        {
            return;
        }
        self.last = now;
        self.shown = true;
        let line = format!("\r\x1b[2K{} {done} of {} files", self.verb, self.total);
        let _ = std::io::stderr().lock().write_all(line.as_bytes());
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_the_order_of_the_items_whichever_finishes_first() {
        let items: Vec<u64> = (0..200).collect();
        let mut seen = Vec::new();
        in_order(
            &items,
            4,
            |&n| {
                // The early items take longest, so they finish last.
                std::thread::sleep(Duration::from_micros(200 - n));
                n * 2
            },
            |i, doubled| seen.push((i, doubled)),
        );
        let expected: Vec<(usize, u64)> = (0..200).map(|n| (n as usize, n * 2)).collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn one_thread_works_on_the_calling_thread() {
        let caller = std::thread::current().id();
        let mut ran_on = Vec::new();
        in_order(
            &[1, 2, 3],
            1,
            |_| std::thread::current().id(),
            |_, id| ran_on.push(id),
        );
        assert!(ran_on.iter().all(|&id| id == caller));
    }

    #[test]
    fn work_shared_among_the_cores_is_shared_no_further() {
        let mut inner = Vec::new();
        in_order(&[1, 2], 2, |_| threads(), |_, n| inner.push(n));
        assert_eq!(inner, [1, 1]);
        // On the calling thread, and with one item, the cores are free.
        assert_eq!(
            threads(),
            std::thread::available_parallelism().map_or(1, |n| n.get())
        );
    }
}
