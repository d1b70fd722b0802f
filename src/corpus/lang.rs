//! The language of an article, told from its text (whatlang's trigram
//! model), as an ISO 639-1 code.

use crate::text::Lang;

/// How much of the body the detector reads: enough to be sure (a long
/// paragraph), little enough that detection does not cost more than the
/// rest of loading together; its time grows with the sample, not the article.
const SAMPLE_BYTES: usize = 1024;

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
    whatlang::detect_lang(&sample).map_or(Lang::UNKNOWN, |l| from_iso639_3(l.code()))
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
    }
}
