//! Readers of the date shapes that are not a day of the calendar: year
//! ranges, decades, centuries, holidays and times of day (see
//! `pattern.rs` for the shapes, `dates.toml` for the words).

use std::collections::{HashMap, HashSet};

use super::lexicon::{File, lookup};
use crate::facts::scan::Groups as Captures;
use crate::text::Lang;

/// The words these readers look up, lower-cased.
pub struct Words {
    decades: HashMap<String, String>,
    holidays: HashMap<String, String>,
    pm: HashSet<String>,
    weak: HashSet<String>,
    /// Leads that name the hour themselves (`o godzinie`, `godziną`).
    hour_leads: HashSet<String>,
}

impl Words {
    pub fn new(f: &File) -> Self {
        let lower = |v: &[String]| v.iter().map(|w| w.to_lowercase()).collect::<HashSet<_>>();
        let mut holidays = HashMap::new();
        for (name, words) in &f.holidays {
            for w in words {
                holidays.insert(w.clone(), name.clone());
            }
        }
        Self {
            decades: lookup(&f.decades.words),
            holidays,
            pm: lower(&f.times.pm),
            weak: lower(&f.times.weak),
            hour_leads: lower(&f.times.lead).into_iter().filter(|w| w.contains("godz")).collect(),
        }
    }

    /// The shapes of this module, read: the offset of the mention in the
    /// match and its value, or `None` when the match is no date.
    pub fn read(&self, c: &Captures<'_>, lang: Lang) -> Option<(usize, String)> {
        let g = |name: &str| c.name(name);
        let start = c.all()?.start();
        if let Some(range) = g("yr") {
            let (a, b) = (g("yr1")?.as_str(), g("yr2")?.as_str());
            let (ya, yb): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
            // `1990-1995`, not a phone number or a score.
            return (ya < yb && yb - ya <= 200).then(|| (range.start(), format!("{a}-{b}")));
        }
        if g("dec").is_some() {
            return Some((start, self.decade(c)?));
        }
        if g("cen").is_some() {
            let n = g("cenn").or_else(|| g("cenb")).map(|m| m.as_str().to_string());
            let n = match n.and_then(|n| n.parse::<u32>().ok()) {
                Some(n) => n,
                None => roman(g("cenr").or_else(|| g("cenb"))?.as_str())?,
            };
            return (1..=21).contains(&n).then(|| (start, format!("{} century", ordinal(n))));
        }
        if let Some(h) = g("hol") {
            return Some((start, self.holidays.get(h.as_str())?.clone()));
        }
        if let Some(m) = g("ybon") {
            // `in 1889`; a round `in 1800` is as likely a count.
            return (!m.as_str().ends_with("00")).then(|| (m.start(), m.as_str().to_string()));
        }
        if g("tm").is_some() {
            return self.time(c, lang);
        }
        None
    }

    /// `1990s` from `the 1990s`, `de jaren 30`, `Neunzigerjahre`.
    fn decade(&self, c: &Captures<'_>) -> Option<String> {
        let g = |name: &str| c.name(name);
        if let Some(w) = ["decw1", "decw2", "decw3"].iter().find_map(|n| g(n)) {
            return self.decades.get(&w.as_str().to_lowercase()).cloned();
        }
        let m = ["decn1", "decn2", "decn3", "decn4"].iter().find_map(|n| g(n))?;
        // `80s` alone is an age (`in their 80s`); `the 80s`, `'80s` a decade.
        if m.as_str().len() == 2 && g("decn1").is_some() && c.all()?.start() == m.start() {
            return None;
        }
        let n = m.as_str();
        match n.len() {
            4 => Some(format!("{n}s")),
            // Two digits: this century's first decades, else the last one's.
            2 if matches!(n, "00" | "10") => Some(format!("20{n}s")),
            2 => Some(format!("19{n}s")),
            _ => None,
        }
    }

    /// `14:30` from `um 14.30 Uhr`, `lúc 9 giờ sáng`, `à 14h30`, `at 2:30
    /// p.m.`; a weak mark (`7 uur`, `24 giờ` are also durations) needs a
    /// lead, minutes or a part of the day, and `am`/`pm` count in English.
    fn time(&self, c: &Captures<'_>, lang: Lang) -> Option<(usize, String)> {
        let g = |name: &str| c.name(name);
        let lead = g("tml").or_else(|| g("tml2")).map(|m| m.as_str().to_lowercase());
        let mark = g("tmk").or_else(|| g("tmk2")).map(|m| m.as_str().to_lowercase());
        let part = g("tmp").or_else(|| g("tmp2")).map(|m| m.as_str().to_lowercase());
        let minutes = g("tmin").or_else(|| g("tmin2"));
        let sep = g("tsep").map_or("", |m| m.as_str());
        if matches!(mark.as_deref(), Some("am" | "pm")) && lang != Lang::EN {
            return None;
        }
        if matches!(part.as_deref(), Some("am" | "pm")) && lang != Lang::EN {
            return None;
        }
        let hour_lead = lead.as_ref().is_some_and(|l| self.hour_leads.contains(l));
        let valid = if mark.is_some() || hour_lead {
            true
        } else if g("tmw").is_some() {
            lead.is_some() || part.is_some() || minutes.is_some()
        } else if minutes.is_some() {
            // `14.30` alone is a number; `14:30`, `14h30` after a lead a time.
            sep != "." && (lead.is_some() || part.is_some())
        } else {
            part.is_some() && lead.is_some()
        };
        if !valid {
            return None;
        }
        let mut hour: u32 = g("th").or_else(|| g("th2"))?.as_str().parse().ok()?;
        let min: u32 = minutes.map_or(Some(0), |m| m.as_str().parse().ok())?;
        let pm = [&mark, &part].iter().any(|w| w.as_ref().is_some_and(|w| self.pm.contains(w)));
        let am = [&mark, &part].iter().any(|w| matches!(w.as_deref(), Some("a.m." | "am")));
        if pm && hour < 12 {
            hour += 12;
        } else if am && hour == 12 {
            hour = 0;
        }
        if g("tmw").is_some_and(|w| self.weak.contains(&w.as_str().to_lowercase())) && hour > 24 {
            return None;
        }
        Some((c.all()?.start(), format!("{hour:02}:{min:02}")))
    }
}

/// `XIX` → 19.
fn roman(s: &str) -> Option<u32> {
    let digit = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        _ => None,
    };
    let values: Vec<u32> = s.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|next| next > v) {
            total -= i64::from(*v);
        } else {
            total += i64::from(*v);
        }
    }
    u32::try_from(total).ok()
}

/// `19` → `19th`.
fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}
