//! Advertisements inside a page's article (`<div class="ad ad-inline">`,
//! `<aside class="sponsored">`, Google's `adsbygoogle`): taken out of the
//! tree before Readability reads it, so that their text ("Try our premium
//! newsletter for just $1 a week") never becomes article text or a fact.

use dom_query::{Document as Dom, NodeRef};

/// Class or id words that name an advertisement on their own.
const AD_WORDS: [&str; 12] = [
    "ad",
    "ads",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "adsbygoogle",
    "adslot",
    "adunit",
    "sponsored",
    "promo",
    "dfp",
];

/// Beginnings of class or id words that name one (`ad-inline`, `ad_slot`,
/// `advertisement-box`, `sponsored-content`, `google-ad-…`).
const AD_PREFIXES: [&str; 8] =
    ["ad-", "ad_", "ads-", "ads_", "advert", "sponsored-", "google-ad", "dfp-"];

/// More text than an advertisement holds: an element with a name like
/// that and this much text is a page's wrapper, however it is named.
const MAX_AD_CHARS: usize = 600;

/// Most nodes looked at to tell whether an element holds little text: a
/// bound on the work per element, so that ads nested in ads cost nothing
/// more than the page.
const MAX_AD_NODES: usize = 200;

/// Elements never taken out, whatever their class (a `<body class="ads">`).
const KEPT: [&str; 4] = ["html", "body", "main", "article"];

/// Takes the page's advertisements out of its tree.
pub fn remove(dom: &Dom) {
    for node in dom.select("[class], [id]").nodes() {
        if is_ad(node) {
            node.remove_from_parent();
        }
    }
}

fn is_ad(node: &NodeRef) -> bool {
    let named = [node.attr("class"), node.attr("id")]
        .into_iter()
        .flatten()
        .any(|v| v.split_whitespace().any(is_ad_word));
    if !named {
        return false;
    }
    let name = node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
    !KEPT.contains(&name.as_str()) && holds_little_text(node)
}

/// Whether the element's text is short, looking at a few nodes at most
/// (an element with more nodes than that is no advertisement either).
fn holds_little_text(node: &NodeRef) -> bool {
    let (mut chars, mut seen) = (0, 0);
    let mut next = node.first_child();
    let mut stack = Vec::new();
    while let Some(n) = next {
        seen += 1;
        if seen > MAX_AD_NODES {
            return false;
        }
        if n.is_text() {
            chars += n.text().chars().count();
            if chars > MAX_AD_CHARS {
                return false;
            }
        }
        if let Some(sibling) = n.next_sibling() {
            stack.push(sibling);
        }
        next = n.first_child().or_else(|| stack.pop());
    }
    true
}

fn is_ad_word(word: &str) -> bool {
    let word = word.to_ascii_lowercase();
    AD_WORDS.contains(&word.as_str()) || AD_PREFIXES.iter().any(|p| word.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advertisement_names() {
        for ad in
            ["ad", "AD", "ad-inline", "ads_top", "adsbygoogle", "advertisement-box", "sponsored"]
        {
            assert!(is_ad_word(ad), "{ad}");
        }
        for other in ["add", "adapt", "headline", "lead", "shadow", "admin", "address", "download"]
        {
            assert!(!is_ad_word(other), "{other}");
        }
    }

    #[test]
    fn ads_leave_the_tree_and_the_article_stays() {
        let dom = Dom::from(
            "<html><body class=\"ads\"><article><p>Kept text.</p>\
             <div class=\"ad ad-inline\"><p>Try it for $1 a week</p></div>\
             <ins class=\"adsbygoogle\"></ins><div id=\"ad_slot_2\">Buy now</div></article></body></html>",
        );
        remove(&dom);
        let text = dom.select("body").text();
        assert_eq!(text.trim(), "Kept text.");
    }

    #[test]
    fn a_wrapper_named_like_an_ad_stays() {
        let long = "<p>Words of the article.</p>".repeat(60);
        let dom = Dom::from(format!("<div class=\"ad-free-layout\">{long}</div>").as_str());
        remove(&dom);
        assert!(dom.select("body").text().contains("Words of the article."));
    }
}
