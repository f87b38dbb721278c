//! English syllables and numbers as they are said.

pub(super) fn english_number(n: u32) -> usize {
    // zero one two three four five six seven eight nine ten eleven twelve
    // thirteen ... nineteen
    const SMALL: [usize; 20] = [2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2];
    // twenty thirty forty fifty sixty seventy eighty ninety
    const TENS: [usize; 8] = [2, 2, 2, 2, 2, 3, 2, 2];
    match n {
        0..=19 => SMALL[n as usize],
        20..=99 => {
            TENS[(n / 10 - 2) as usize]
                + if !n.is_multiple_of(10) {
                    SMALL[(n % 10) as usize]
                } else {
                    0
                }
        }
        100..=999 => {
            SMALL[(n / 100) as usize]
                + 2
                + if !n.is_multiple_of(100) {
                    english_number(n % 100)
                } else {
                    0
                }
        }
        _ => {
            english_number(n / 1000)
                + 2
                + if !n.is_multiple_of(1000) {
                    english_number(n % 1000)
                } else {
                    0
                }
        }
    }
}

pub(super) fn is_en_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'y'
            | 'á'
            | 'é'
            | 'í'
            | 'ó'
            | 'ú'
            | 'ä'
            | 'ë'
            | 'ï'
            | 'ö'
            | 'ü'
    )
}

/// English syllables by vowel groups, with the usual corrections: a
/// silent final `e` (but not `-le` after a consonant), silent `-ed` (but
/// not after `t` or `d`), `-es` said only after a hissing sound, and
/// suffixes counted on their own (`-ly`, `-ful`, `-ment`, `-ness`,
/// `-less`). At least 1.
pub fn english_syllables(word: &str) -> usize {
    let w: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if w.is_empty() {
        return 1;
    }
    let s: String = w.iter().collect();
    // Suffixes that keep the stem's silent e silent: "carefully", "lonely", "statement".
    for suffix in ["less", "ness", "ment", "ful", "ly"] {
        if let Some(stem) = s.strip_suffix(suffix)
            && stem.chars().count() >= 2
            && stem.chars().any(is_en_vowel)
        {
            return english_syllables(stem) + 1;
        }
    }
    // Plural and third person -s: "takes" like "take"; "-es" is said after
    // a hissing sound: "changes", "places", "boxes", "wishes".
    if s.len() > 3
        && s.ends_with('s')
        && !s.ends_with("ss")
        && !s.ends_with("us")
        && !s.ends_with("is")
    {
        let stem = &s[..s.len() - 1];
        let said = ["ce", "ge", "se", "ze", "xe", "che", "she"]
            .iter()
            .any(|e| stem.ends_with(e));
        return english_syllables(stem) + usize::from(said && stem.len() > 3);
    }
    // Past tense -ed is silent except after t or d: "helped", "used"; "wanted".
    if s.len() > 3 && s.ends_with("ed") {
        let before = w[w.len() - 3];
        if before != 't' && before != 'd' {
            let stem = if is_en_vowel(before) {
                &s[..s.len() - 1]
            } else {
                &s[..s.len() - 2]
            };
            return english_syllables(stem);
        }
    }
    let mut count = 0;
    let mut prev_vowel = false;
    for (i, &c) in w.iter().enumerate() {
        // A leading y is a consonant ("you", "yes").
        let vowel = is_en_vowel(c) && !(c == 'y' && i == 0);
        if vowel && !prev_vowel {
            count += 1;
        } else if vowel && prev_vowel {
            // Two vowels said apart: "psychiatry", "period", "usual", "being".
            let p = w[i - 1];
            let before = if i >= 2 { w[i - 2] } else { ' ' };
            let next = w.get(i + 1).copied().unwrap_or(' ');
            let split = (p == 'i'
                && matches!(c, 'a' | 'o' | 'u')
                && !matches!(before, 'c' | 't' | 's' | 'x' | 'g' | ' ')
                && !(c == 'o' && next == 'n'))
                || (p == 'u' && c == 'a' && !matches!(before, 'q' | 'g' | ' '))
                || (c == 'i'
                    && i + 2 < w.len()
                    && w[i + 1] == 'n'
                    && w[i + 2] == 'g'
                    && i + 3 == w.len());
            if split {
                count += 1;
            }
        }
        prev_vowel = vowel;
    }
    let n = w.len();
    // Silent final e: "make", "care"; not "-le" after a consonant ("little", "people").
    if n >= 3 && w[n - 1] == 'e' && !is_en_vowel(w[n - 2]) && count > 1 {
        let le = w[n - 2] == 'l' && !is_en_vowel(w[n - 3]);
        if !le {
            count -= 1;
        }
    }
    count.max(1)
}
