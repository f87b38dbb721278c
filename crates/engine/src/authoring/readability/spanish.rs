//! Spanish syllables (vowel groups, strong and weak vowels) and numbers as
//! they are said.

pub(super) fn spanish_number_words(n: u32) -> String {
    const SMALL: [&str; 30] = [
        "cero",
        "uno",
        "dos",
        "tres",
        "cuatro",
        "cinco",
        "seis",
        "siete",
        "ocho",
        "nueve",
        "diez",
        "once",
        "doce",
        "trece",
        "catorce",
        "quince",
        "dieciséis",
        "diecisiete",
        "dieciocho",
        "diecinueve",
        "veinte",
        "veintiuno",
        "veintidós",
        "veintitrés",
        "veinticuatro",
        "veinticinco",
        "veintiséis",
        "veintisiete",
        "veintiocho",
        "veintinueve",
    ];
    const TENS: [&str; 7] = [
        "treinta",
        "cuarenta",
        "cincuenta",
        "sesenta",
        "setenta",
        "ochenta",
        "noventa",
    ];
    const HUNDREDS: [&str; 10] = [
        "",
        "ciento",
        "doscientos",
        "trescientos",
        "cuatrocientos",
        "quinientos",
        "seiscientos",
        "setecientos",
        "ochocientos",
        "novecientos",
    ];
    match n {
        0..=29 => SMALL[n as usize].to_string(),
        30..=99 => {
            let tens = TENS[(n / 10 - 3) as usize];
            if n.is_multiple_of(10) {
                tens.to_string()
            } else {
                format!("{tens} y {}", SMALL[(n % 10) as usize])
            }
        }
        100 => "cien".to_string(),
        101..=999 => {
            let rest = n % 100;
            let h = HUNDREDS[(n / 100) as usize];
            if rest == 0 {
                h.to_string()
            } else {
                format!("{h} {}", spanish_number_words(rest))
            }
        }
        _ => {
            let thousands = n / 1000;
            let head = if thousands == 1 {
                "mil".to_string()
            } else {
                format!("{} mil", spanish_number_words(thousands))
            };
            if n.is_multiple_of(1000) {
                head
            } else {
                format!("{head} {}", spanish_number_words(n % 1000))
            }
        }
    }
}

pub(super) fn is_strong(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'o' | 'á' | 'é' | 'ó')
}

pub(super) fn is_es_vowel(c: char) -> bool {
    is_strong(c) || matches!(c, 'i' | 'u' | 'í' | 'ú' | 'ü')
}

/// Spanish syllables: one per vowel group, where a group splits between
/// two strong vowels (a, e, o: "le-er", "pa-se-o") and at an accented weak
/// vowel ("dí-a", "ba-úl"); weak vowels (i, u) join their neighbours into
/// diphthongs and triphthongs ("cui-da", "bue-no", "buey"). The u of "que",
/// "qui", "gue", "gui" is silent; y counts as a consonant (so "muy", "hoy"
/// are one syllable). At least 1.
pub fn spanish_syllables(word: &str) -> usize {
    let w: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let mut count = 0;
    let mut prev: Option<char> = None;
    for (i, &c) in w.iter().enumerate() {
        let silent_u = c == 'u'
            && i > 0
            && matches!(w[i - 1], 'q' | 'g')
            && w.get(i + 1)
                .is_some_and(|n| matches!(n, 'e' | 'i' | 'é' | 'í'));
        if silent_u || !is_es_vowel(c) {
            prev = None;
            continue;
        }
        match prev {
            None => count += 1,
            Some(p) => {
                let hiatus = (is_strong(p) && is_strong(c))
                    || matches!(p, 'í' | 'ú')
                    || matches!(c, 'í' | 'ú');
                if hiatus {
                    count += 1;
                }
            }
        }
        prev = Some(c);
    }
    count.max(1)
}
