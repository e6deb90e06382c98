//! Sorting with one sort routine in the Wasm. `sort_by_key` orders (key,
//! position) pairs — one instantiation of the standard library's sort,
//! whatever the items — then moves the items into that order, where each
//! `sort_by_key` of the standard library would compile its own copy of the
//! sort for each item type (about 3.5 KB apiece; issue #11, weight). Stable:
//! equal keys keep their order. Input already in order costs one pass.

/// Sorts `items` by `key`, keeping the order of equal keys.
pub fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> i64) {
    if items.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
        return;
    }
    let mut order: Vec<(i64, u32)> = items.iter().enumerate().map(|(i, x)| (key(x), i as u32)).collect();
    sort_pairs(&mut order);
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(order.iter().filter_map(|&(_, i)| slots.get_mut(i as usize).and_then(Option::take)));
}

/// The one sort (not inlined, so it stays one).
#[inline(never)]
fn sort_pairs(pairs: &mut [(i64, u32)]) {
    pairs.sort_unstable();
}

/// A key that orders floats as `f64::total_cmp` does (−0 before +0, NaN at the ends).
pub fn f64_key(v: f64) -> i64 {
    let b = v.to_bits() as i64;
    b ^ ((((b >> 63) as u64) >> 1) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_by_key() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut empty: Vec<i32> = Vec::new();
        sort_by_key(&mut empty, |x| *x as i64);
        assert!(empty.is_empty());
        // Reversed, long: every item once, in order.
        let mut big: Vec<i64> = (0..10_000).rev().collect();
        sort_by_key(&mut big, |x| *x);
        assert!(big.iter().enumerate().all(|(i, x)| *x == i as i64));
    }

    #[test]
    fn float_keys_order_as_total_cmp() {
        let mut v = vec![2.5, -0.0, f64::INFINITY, -3.0, 0.0, 1e-300, -f64::INFINITY, 7.0];
        let mut want = v.clone();
        want.sort_by(f64::total_cmp);
        sort_by_key(&mut v, |x| f64_key(*x));
        assert_eq!(v.iter().map(|x| x.to_bits()).collect::<Vec<_>>(), want.iter().map(|x| x.to_bits()).collect::<Vec<_>>());
    }
}
