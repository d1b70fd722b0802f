//! The language of an article, told from its text, as an ISO 639-1 code,
//! or `und` when it cannot be told.
//!
//! Two steps, the cheap one first. Most news is written in a few dozen
//! languages: the function words of twenty of them (`assets/languages.toml`)
//! are counted in the sample, and a clear winner is the answer (a hash
//! look-up per word: a fraction of the trigram model's cost, and right on a
//! sentence or two, where the model took German for Afrikaans or Latin).
//! Otherwise whatlang's trigram model decides, never choosing a language no
//! news is written in (Latin, Esperanto), and only when it is reliable or
//! agrees with the words; when neither step is sure the answer is `und`,
//! which the reader shows as such rather than a wrong code.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::text::Lang;

/// How much of the body the detector reads: enough to be sure (a long
/// paragraph), little enough that detection does not cost more than the
/// rest of loading together; its time grows with the sample, not the article.
const SAMPLE_BYTES: usize = 1024;

/// The least weight of function words for the first step to decide, and by
/// how much the best language must outweigh the next.
const MIN_WEIGHT: f32 = 2.0;
const MARGIN: f32 = 1.6;
/// The weight after which a leader with twice the margin is final.
const EARLY_WEIGHT: f32 = 8.0;

/// How sure the trigram model must be when no function word helps.
const MODEL_ALONE: f64 = 0.5;
/// How sure it must be to choose among languages that share the words found.
const MODEL_TIE: f64 = 0.2;

/// Languages the trigram model may not choose: no news is written in Latin
/// or Esperanto, and Afrikaans, which it finds in short German and Dutch,
/// is told by its own function words in the first step.
const NEVER: [whatlang::Lang; 3] = [whatlang::Lang::Lat, whatlang::Lang::Epo, whatlang::Lang::Afr];

/// Each function word → the languages that use it, as indices into `langs`.
struct FunctionWords {
    langs: Vec<Lang>,
    words: HashMap<String, Vec<u8>>,
}

static WORDS: LazyLock<FunctionWords> = LazyLock::new(|| {
    let table: toml::Table =
        toml::from_str(include_str!("../../assets/languages.toml")).expect("languages.toml parses");
    let stopwords = table.get("stopwords").and_then(toml::Value::as_table).expect("[stopwords]");
    let mut langs = Vec::new();
    let mut words: HashMap<String, Vec<u8>> = HashMap::new();
    for (code, list) in stopwords {
        let i = u8::try_from(langs.len()).expect("fewer than 256 languages");
        langs.push(from_iso639_1(code));
        for w in list.as_str().unwrap_or("").split_whitespace() {
            words.entry(w.to_string()).or_default().push(i);
        }
    }
    FunctionWords { langs, words }
});

static DETECTOR: LazyLock<whatlang::Detector> =
    LazyLock::new(|| whatlang::Detector::with_denylist(NEVER.to_vec()));

/// ISO 639-3 (whatlang) → ISO 639-1.
const CODES: [(&str, &str); 69] = [
    ("epo", "eo"),
    ("eng", "en"),
    ("rus", "ru"),
    ("cmn", "zh"),
    ("spa", "es"),
    ("por", "pt"),
    ("ita", "it"),
    ("ben", "bn"),
    ("fra", "fr"),
    ("deu", "de"),
    ("ukr", "uk"),
    ("kat", "ka"),
    ("ara", "ar"),
    ("hin", "hi"),
    ("jpn", "ja"),
    ("heb", "he"),
    ("yid", "yi"),
    ("pol", "pl"),
    ("amh", "am"),
    ("jav", "jv"),
    ("kor", "ko"),
    ("nob", "nb"),
    ("dan", "da"),
    ("swe", "sv"),
    ("fin", "fi"),
    ("tur", "tr"),
    ("nld", "nl"),
    ("hun", "hu"),
    ("ces", "cs"),
    ("ell", "el"),
    ("bul", "bg"),
    ("bel", "be"),
    ("mar", "mr"),
    ("kan", "kn"),
    ("ron", "ro"),
    ("slv", "sl"),
    ("hrv", "hr"),
    ("srp", "sr"),
    ("mkd", "mk"),
    ("lit", "lt"),
    ("lav", "lv"),
    ("est", "et"),
    ("tam", "ta"),
    ("vie", "vi"),
    ("urd", "ur"),
    ("tha", "th"),
    ("guj", "gu"),
    ("uzb", "uz"),
    ("pan", "pa"),
    ("aze", "az"),
    ("ind", "id"),
    ("tel", "te"),
    ("pes", "fa"),
    ("mal", "ml"),
    ("ori", "or"),
    ("mya", "my"),
    ("nep", "ne"),
    ("sin", "si"),
    ("khm", "km"),
    ("tuk", "tk"),
    ("aka", "ak"),
    ("zul", "zu"),
    ("sna", "sn"),
    ("afr", "af"),
    ("lat", "la"),
    ("slk", "sk"),
    ("cat", "ca"),
    ("tgl", "tl"),
    ("hye", "hy"),
];

/// Detects the language of an article from its title and the start of its body.
pub fn detect(title: &str, body: &str) -> Lang {
    let end = crate::text::floor_char_boundary(body, SAMPLE_BYTES);
    let sample = format!("{title}\n{}", body.get(..end).unwrap_or(body));
    let words = by_function_words(&sample);
    if let Some(lang) = words.sure() {
        return lang;
    }
    let Some(info) = DETECTOR.detect(&sample) else { return Lang::UNKNOWN };
    let model = from_iso639_3(info.lang().code());
    // A script only one language writes (Greek, Thai, Korean…) is sure.
    if info.is_reliable() || info.script().langs().len() == 1 {
        return model;
    }
    // On a sentence or two the model is seldom sure: it counts when the
    // function words do not speak against it, and they win when they point
    // to one language it did not choose.
    match words.best() {
        None if info.confidence() >= MODEL_ALONE => model,
        // A tie of languages sharing the words found is broken by the model
        // only when it is somewhat sure.
        Some(best)
            if words.weight(model) >= best.1
                && (words.unique_best() || info.confidence() >= MODEL_TIE) =>
        {
            model
        }
        Some((lang, weight)) if weight >= 1.0 && words.unique_best() => lang,
        _ => Lang::UNKNOWN,
    }
}

/// The weight of each language's function words in a sample.
struct Weights {
    weights: Vec<f32>,
}

impl Weights {
    /// The heaviest language and its weight, if any word was found.
    fn best(&self) -> Option<(Lang, f32)> {
        let (i, w) = self.ranked().next()?;
        (w > 0.0).then(|| WORDS.langs.get(i).map(|l| (*l, w))).flatten()
    }

    /// Whether one language alone has the greatest weight.
    fn unique_best(&self) -> bool {
        let mut ranked = self.ranked();
        let first = ranked.next().map_or(0.0, |(_, w)| w);
        ranked.next().is_none_or(|(_, w)| w < first)
    }

    /// The weight of `lang` (0 for a language without a word list).
    fn weight(&self, lang: Lang) -> f32 {
        WORDS
            .langs
            .iter()
            .position(|l| *l == lang)
            .and_then(|i| self.weights.get(i).copied())
            .unwrap_or(0.0)
    }

    /// The heaviest language when it clearly outweighs the others.
    fn sure(&self) -> Option<Lang> {
        let mut ranked = self.ranked();
        let (i, first) = ranked.next()?;
        let second = ranked.next().map_or(0.0, |(_, w)| w);
        (first >= MIN_WEIGHT && first >= MARGIN * second)
            .then(|| WORDS.langs.get(i).copied())
            .flatten()
    }

    /// Whether the leader is so far ahead that more words cannot change it.
    fn leads_by_far(&self) -> bool {
        let mut ranked = self.ranked();
        let first = ranked.next().map_or(0.0, |(_, w)| w);
        let second = ranked.next().map_or(0.0, |(_, w)| w);
        first >= EARLY_WEIGHT && first >= 2.0 * MARGIN * second
    }

    fn ranked(&self) -> impl Iterator<Item = (usize, f32)> {
        let mut order: Vec<(usize, f32)> = self.weights.iter().copied().enumerate().collect();
        order.sort_by(|a, b| b.1.total_cmp(&a.1));
        order.into_iter()
    }
}

/// Counts the function words of `sample`: a word used by `k` of the
/// languages weighs `1/k` for each. Stops early once one language leads by
/// far ([`EARLY_WEIGHT`]): most articles are told within their first lines.
fn by_function_words(sample: &str) -> Weights {
    let table = &*WORDS;
    let mut weights = Weights { weights: vec![0.0f32; table.langs.len()] };
    let mut word = String::new();
    let mut found = 0u32;
    for token in sample.split(|c: char| !c.is_alphabetic()).filter(|t| !t.is_empty()) {
        word.clear();
        word.extend(token.chars().flat_map(char::to_lowercase));
        let Some(langs) = table.words.get(&word) else { continue };
        let share = 1.0 / langs.len() as f32;
        for &i in langs {
            if let Some(w) = weights.weights.get_mut(usize::from(i)) {
                *w += share;
            }
        }
        found += 1;
        if found.is_multiple_of(8) && weights.leads_by_far() {
            break;
        }
    }
    weights
}

/// The code of the stop-word table, as a static [`Lang`].
fn from_iso639_1(code: &str) -> Lang {
    CODES
        .iter()
        .find(|(_, two)| *two == code)
        .map_or(Lang::UNKNOWN, |(_, two)| Lang::from_static(two))
}

/// The ISO 639-1 code for an ISO 639-3 code whatlang knows.
pub fn from_iso639_3(code: &str) -> Lang {
    CODES
        .iter()
        .find(|(three, _)| *three == code)
        .map_or(Lang::UNKNOWN, |(_, two)| Lang::from_static(two))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One or two sentences, as a short article or a feed item gives them.
    const SHORT: [(&str, &str); 64] = [
        ("en", "The company said its revenue grew strongly last year."),
        ("en", "Shares fell 5% after the announcement."),
        ("en", "The minister will visit Berlin on Monday."),
        ("en", "Prices rose again in March, the statistics office said."),
        ("en", "It is the first time the bank has cut rates since 2020."),
        ("de", "Das Unternehmen sagte, der Umsatz sei im letzten Jahr stark gewachsen."),
        ("de", "Die Aktie fiel nach der Ankündigung um fünf Prozent."),
        ("de", "Der Minister besucht am Montag Berlin."),
        ("de", "Die Preise sind im März erneut gestiegen."),
        ("de", "Es ist das erste Mal seit 2020, dass die Bank die Zinsen senkt."),
        ("de", "Regierung plant neue Steuer auf Gewinne der Energiekonzerne"),
        ("nl", "Het bedrijf zegt dat de omzet vorig jaar sterk is gegroeid."),
        ("nl", "De aandelen daalden na de aankondiging met vijf procent."),
        ("nl", "De minister bezoekt maandag Berlijn."),
        ("nl", "Het is de eerste keer dat de bank de rente verlaagt."),
        ("fr", "L'entreprise a déclaré que son chiffre d'affaires avait fortement augmenté."),
        ("fr", "Le ministre se rendra à Berlin lundi."),
        ("fr", "Les prix ont de nouveau augmenté en mars."),
        ("fr", "C'est la première fois que la banque baisse ses taux."),
        ("es", "La empresa dijo que sus ingresos crecieron con fuerza el año pasado."),
        ("es", "El ministro visitará Berlín el lunes."),
        ("es", "Los precios volvieron a subir en marzo."),
        ("es", "Es la primera vez que el banco baja los tipos desde 2020."),
        ("pt", "A empresa disse que a sua receita cresceu fortemente no ano passado."),
        ("pt", "O ministro vai visitar Berlim na segunda-feira."),
        ("pt", "Os preços voltaram a subir em março."),
        ("pt", "É a primeira vez que o banco corta os juros desde 2020."),
        ("it", "L'azienda ha detto che il fatturato è cresciuto molto l'anno scorso."),
        ("it", "Il ministro visiterà Berlino lunedì."),
        ("it", "I prezzi sono aumentati di nuovo a marzo."),
        ("it", "È la prima volta che la banca taglia i tassi dal 2020."),
        ("cs", "Společnost uvedla, že její tržby loni výrazně vzrostly."),
        ("cs", "Ministr navštíví v pondělí Berlín."),
        ("cs", "Ceny v březnu opět vzrostly, uvedl statistický úřad."),
        ("cs", "Je to poprvé od roku 2020, kdy banka snížila sazby."),
        ("pl", "Spółka poinformowała, że jej przychody w zeszłym roku mocno wzrosły."),
        ("pl", "Minister odwiedzi Berlin w poniedziałek."),
        ("pl", "Ceny w marcu znowu wzrosły, podał urząd statystyczny."),
        ("vi", "Doanh thu của công ty tăng trưởng mạnh trong năm ngoái."),
        ("vi", "Bộ trưởng sẽ thăm Berlin vào thứ Hai."),
        ("vi", "Giá cả lại tăng trong tháng Ba."),
        ("sv", "Företaget sade att intäkterna ökade kraftigt förra året."),
        ("sv", "Ministern besöker Berlin på måndag och det är första gången."),
        ("da", "Virksomheden sagde, at omsætningen steg kraftigt sidste år."),
        ("nb", "Selskapet sa at inntektene økte kraftig i fjor, og det ble en rekord."),
        ("fi", "Yhtiön mukaan liikevaihto kasvoi viime vuonna voimakkaasti."),
        ("ro", "Compania a declarat că veniturile au crescut puternic anul trecut."),
        ("hu", "A vállalat szerint az árbevétel tavaly jelentősen nőtt."),
        ("tr", "Şirket, gelirlerinin geçen yıl güçlü bir şekilde arttığını söyledi."),
        ("id", "Perusahaan mengatakan pendapatannya tumbuh kuat tahun lalu."),
        ("sk", "Spoločnosť uviedla, že jej tržby vlani výrazne vzrástli."),
        ("ru", "Компания заявила, что ее выручка в прошлом году сильно выросла."),
        ("el", "Η εταιρεία ανέφερε ότι τα έσοδά της αυξήθηκαν σημαντικά πέρυσι."),
        ("zh", "该公司表示，其去年的收入大幅增长。"),
        ("ja", "同社は昨年の売上高が大幅に増加したと発表した。"),
        ("ko", "회사는 작년 매출이 크게 늘었다고 밝혔다."),
        ("ar", "قالت الشركة إن إيراداتها نمت بقوة العام الماضي."),
        ("uk", "Компанія заявила, що її виручка минулого року значно зросла."),
        ("th", "บริษัทระบุว่ารายได้เติบโตอย่างมากในปีที่แล้ว"),
        ("he", "החברה אמרה כי הכנסותיה צמחו בחדות בשנה שעברה."),
        ("hi", "कंपनी ने कहा कि पिछले साल उसकी आय में तेजी से वृद्धि हुई।"),
        ("en", "Breaking: storm hits the coast"),
        ("de", "Kurz gemeldet: Streik bei der Bahn"),
        ("und", "Xyz 123"),
    ];

    #[test]
    fn short_texts_in_many_languages() {
        let wrong: Vec<String> = SHORT
            .iter()
            .filter(|(code, text)| detect("", text).code() != *code)
            .map(|(code, text)| format!("{code} → {}: {text}", detect("", text)))
            .collect();
        assert!(
            wrong.is_empty(),
            "{} of {} wrong:\n{}",
            wrong.len(),
            SHORT.len(),
            wrong.join("\n")
        );
    }

    /// Headlines with no function word and a model that is not sure: `und`
    /// (said so), never a wrong language (the model said Norwegian for the
    /// English ones and French for the last).
    #[test]
    fn unsure_is_und_not_a_wrong_code() {
        for (code, text) in [
            ("de", "Alle Mitarbeiter streiken."),
            ("en", "Minister resigns over scandal."),
            ("en", "Ad hoc meeting set for Tuesday."),
            ("en", "Data centre plans approved."),
            ("und", ""),
            ("und", "12:30 — 2024"),
        ] {
            let lang = detect(text, "").code();
            assert!(lang == code || lang == "und", "{text}: {lang}");
        }
    }

    /// Issue: a German or English paragraph of a sentence or two came out
    /// as Afrikaans or Latin, and those codes filled the language filter.
    #[test]
    fn no_afrikaans_or_latin_for_short_german_and_english() {
        for text in [
            "Die Regierung hat die Steuern erhöht.",
            "Die Bank senkt die Zinsen.",
            "Die neue Regel gilt ab Montag.",
            "Alle Mitarbeiter streiken.",
            "Minister resigns over scandal.",
            "Ad hoc meeting set for Tuesday.",
            "Data centre plans approved.",
        ] {
            let lang = detect("", text).code();
            assert!(!matches!(lang, "af" | "la"), "{text}: {lang}");
        }
    }

    #[test]
    fn four_languages() {
        assert_eq!(
            detect("", "Doanh thu của công ty tăng trưởng mạnh trong năm ngoái.").code(),
            "vi"
        );
        assert_eq!(
            detect("", "The company said its revenue grew strongly last year.").code(),
            "en"
        );
        assert_eq!(
            detect("", "Das Unternehmen sagte, der Umsatz sei im letzten Jahr stark gewachsen.")
                .code(),
            "de"
        );
        assert_eq!(
            detect("", "Het bedrijf zegt dat de omzet vorig jaar sterk is gegroeid.").code(),
            "nl"
        );
    }

    #[test]
    fn every_whatlang_code_maps() {
        for (three, two) in CODES {
            assert_eq!(from_iso639_3(three).code(), two);
        }
        assert_eq!(from_iso639_3("xyz"), Lang::UNKNOWN);
        for code in &WORDS.langs {
            assert_ne!(*code, Lang::UNKNOWN, "every stop-word table has a code");
        }
    }
}
