//! Syllables for French, German and Portuguese, counted as vowel groups
//! with each language's main exceptions. This is how published readability
//! tools for these languages count; it is close, not exact, and the
//! formulas were fitted on counts of the same kind.

fn is_vowel(c: char, vowels: &str) -> bool {
    vowels.contains(c)
}

/// Runs of vowels, each run one syllable, after `split` has marked the
/// pairs that are two syllables (hiatus) with a space between them.
fn groups(word: &str, vowels: &str) -> usize {
    let mut n = 0;
    let mut previous = false;
    for c in word.chars() {
        let v = is_vowel(c, vowels);
        if v && !previous {
            n += 1;
        }
        previous = v;
    }
    n
}

const FR_VOWELS: &str = "aeiouyàâäéèêëîïôöùûüœæ";

/// French: vowel groups, less a final mute `e` (`-e`, `-es`, and the verb
/// ending `-ent` after a consonant) in words of more than one group, as
/// French text is written (not sung).
pub fn french_syllables(word: &str) -> usize {
    let w = word.to_lowercase();
    let w = w.trim_end_matches(['\'', '’']);
    // Elided articles and pronouns ("l'aide", "qu'il") are one word with
    // what follows: count the rest.
    let w = w.rsplit(['\'', '’']).next().unwrap_or(w);
    let mut n = groups(w, FR_VOWELS);
    let consonant_before = |suffix: &str| {
        w.strip_suffix(suffix)
            .and_then(|s| s.chars().last())
            .is_some_and(|c| !is_vowel(c, FR_VOWELS))
    };
    if n > 1 && (consonant_before("e") || consonant_before("es") || consonant_before("ent")) {
        n -= 1;
    }
    n.max(1)
}

const DE_VOWELS: &str = "aeiouyäöü";

/// German: vowel groups, where `ie`, `ei`, `ai`, `au`, `eu`, `äu` and
/// doubled vowels are one syllable as they fall.
pub fn german_syllables(word: &str) -> usize {
    let w = word.to_lowercase();
    // Pairs the grouping would merge that are two syllables: "neu-e",
    // "The-a-ter", "Vi-de-o", "Li-nie" is left as one.
    let mut n = groups(&w, DE_VOWELS);
    for pair in ["eue", "ea", "eo", "ua", "uo", "io", "ia"] {
        n += w.matches(pair).count();
    }
    n.max(1)
}

const PT_VOWELS: &str = "aeiouáéíóúâêôãõàü";

/// Portuguese: vowel groups, where an accented `í` or `ú` next to another
/// vowel is its own syllable ("saída", "saúde"), as are `ea`, `eo`, `oa`,
/// `ia` and `io` after a consonant at the word's end ("área", "história",
/// counted as written in Brazilian usage: "his-tó-ria", three).
pub fn portuguese_syllables(word: &str) -> usize {
    let w = word.to_lowercase();
    let mut n = groups(&w, PT_VOWELS);
    let chars: Vec<char> = w.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if matches!(c, 'í' | 'ú') {
            let before = i > 0 && is_vowel(chars[i - 1], PT_VOWELS);
            let after = chars.get(i + 1).is_some_and(|&d| is_vowel(d, PT_VOWELS));
            n += usize::from(before) + usize::from(after);
        }
    }
    for pair in ["ea", "eo", "oa", "oe"] {
        n += w.matches(pair).count();
    }
    n.max(1)
}

/// Syllables in the words for each digit, zero to nine, per language:
/// used for numbers, read digit by digit, which is how visitors read phone
/// numbers and close to how short numbers are said.
pub const FR_DIGITS: [usize; 10] = [2, 1, 1, 1, 1, 1, 1, 1, 1, 1];
pub const DE_DIGITS: [usize; 10] = [1, 1, 1, 1, 1, 1, 1, 2, 1, 1];
pub const PT_DIGITS: [usize; 10] = [2, 1, 1, 1, 2, 2, 1, 2, 2, 2];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_words() {
        for (word, n) in [
            ("maison", 2),
            ("aide", 1),
            ("personne", 2),
            ("psychothérapie", 5),
            ("parlent", 1),
            ("soutien", 2),
            ("l'aide", 1),
            ("médecin", 3),
            ("urgence", 2),
            ("eau", 1),
        ] {
            assert_eq!(french_syllables(word), n, "{word}");
        }
    }

    #[test]
    fn german_words() {
        for (word, n) in [
            ("Hilfe", 2),
            ("Beratung", 3),
            ("Psychotherapie", 5),
            ("Leute", 2),
            ("Zeit", 1),
            ("Notruf", 2),
            ("neue", 2),
            ("Quelle", 2),
            ("Gespräch", 2),
        ] {
            assert_eq!(german_syllables(word), n, "{word}");
        }
    }

    #[test]
    fn portuguese_words() {
        for (word, n) in [
            ("casa", 2),
            ("saúde", 3),
            ("saída", 3),
            ("ajuda", 3),
            ("psicoterapia", 5),
            ("área", 3),
            ("você", 2),
            ("mãe", 1),
            ("pessoa", 3),
        ] {
            assert_eq!(portuguese_syllables(word), n, "{word}");
        }
    }
}
