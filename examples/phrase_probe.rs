use dossier::index::{Query, SearchIndex};
use std::time::Instant;
fn main() {
    let n: usize = std::env::args().nth(1).unwrap().parse().unwrap();
    let docs = dossier::synth::corpus(n);
    let index = SearchIndex::build(&docs);
    for q in ["\"trung quoc\"", "\"trung quốc\"", "\"alibaba cloud\"", "\"der neue\"", "\"van de\""]
    {
        let query = Query::parse(q);
        let mut best = f64::MAX;
        let mut len = 0;
        for _ in 0..10 {
            let t = Instant::now();
            len = index.matching(&query).len();
            best = best.min(t.elapsed().as_secs_f64() * 1000.0);
        }
        println!("{q} best {best:.2} ms, {len}");
    }
}
