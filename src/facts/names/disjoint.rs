//! Non-overlapping mentions kept in text order, where a new mention may
//! replace the ones it overlaps: what both finders and the settling of
//! people against organisations need, in O(log n) per mention (a scan of
//! every kept mention per new one was quadratic on an article that names
//! the same company a hundred thousand times).

use std::collections::BTreeMap;

use crate::text::Span;

/// Values at disjoint spans, by start.
pub(in crate::facts) struct Disjoint<T> {
    by_start: BTreeMap<usize, (Span, T)>,
}

impl<T> Default for Disjoint<T> {
    fn default() -> Self {
        Self { by_start: BTreeMap::new() }
    }
}

impl<T> Disjoint<T> {
    /// Adds `value` at `span` when it overlaps nothing kept, or when
    /// `wins(span, &value, kept)` holds against every kept value it
    /// overlaps, which it then replaces. O(log n + k) for k overlapped.
    pub fn offer(&mut self, span: Span, value: T, wins: impl Fn(Span, &T, Span, &T) -> bool) {
        // Kept spans are disjoint, so their ends grow with their starts:
        // the overlapped ones are the last few that start before `span` ends.
        let hit: Vec<usize> = self
            .by_start
            .range(..span.end.max(span.start + 1))
            .rev()
            .take_while(|(_, (s, _))| s.end > span.start)
            .map(|(&k, _)| k)
            .collect();
        if hit.iter().all(|k| {
            let (s, kept) = &self.by_start[k];
            wins(span, &value, *s, kept)
        }) {
            for k in hit {
                self.by_start.remove(&k);
            }
            self.by_start.insert(span.start, (span, value));
        }
    }

    /// The values in text order.
    pub fn into_values(self) -> impl Iterator<Item = T> {
        self.by_start.into_values().map(|(_, v)| v)
    }
}
