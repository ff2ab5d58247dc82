//! TOML files a user writes by hand (the configuration, the gazetteer), read leniently:
//! a line that is not TOML is skipped and named, so one typo never throws away the rest
//! of the file.

/// A problem found: the line it is on (when known) and what is wrong there.
pub type Problem = (Option<usize>, String);

/// `line N: `, to put before a problem on a known line.
pub fn prefix(line: Option<usize>) -> String {
    line.map(|l| format!("line {l}: ")).unwrap_or_default()
}

/// The line where `key` is set (in `section`, or a section named `key` when `None`).
pub fn line_of(text: &str, section: Option<&str>, key: &str) -> Option<usize> {
    let mut current: Option<&str> = None;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        // A header may carry a comment after it (`[person] # …`).
        let header = line.split('#').next().unwrap_or("").trim_end();
        if let Some(name) = header.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = Some(name.trim());
            if section.is_none() && name.trim() == key {
                return Some(i + 1);
            }
            continue;
        }
        let name = line
            .split('=')
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches(['"', '\'']);
        if line.contains('=') && name == key && current == section {
            return Some(i + 1);
        }
    }
    None
}

/// The file's table, read past the lines that are not TOML (each blanked, so the lines
/// after keep their numbers, and said in the problems with its line): a broken entry line
/// alone, a broken section header with its section. The error when a fault has no line,
/// or blanking it does not help.
pub fn without_bad_lines(text: &str) -> Result<(toml::Table, Vec<Problem>), toml::de::Error> {
    let mut lines: Vec<&str> = text.lines().collect();
    let mut problems = Vec::new();
    loop {
        let kept = lines.join("\n");
        let e = match toml::from_str::<toml::Table>(&kept) {
            Ok(table) => return Ok((table, problems)),
            Err(e) => e,
        };
        let Some(span) = e.span() else { return Err(e) };
        let at = kept[..span.start.min(kept.len())].matches('\n').count();
        if at >= lines.len() || lines[at].trim().is_empty() || problems.len() >= lines.len() {
            return Err(e);
        }
        let header = lines[at].trim_start().starts_with('[');
        let end = if header {
            (at + 1..lines.len())
                .find(|&i| lines[i].trim_start().starts_with('['))
                .unwrap_or(lines.len())
        } else {
            at + 1
        };
        for line in &mut lines[at..end] {
            *line = "";
        }
        let skipped = if header {
            "its section is skipped"
        } else {
            "the line is skipped"
        };
        problems.push((Some(at + 1), format!("{}; {skipped}", describe(&kept, &e))));
    }
}

/// A one-line account of a TOML error: where it is and what is wrong.
pub fn describe(text: &str, e: &toml::de::Error) -> String {
    let message = e
        .message()
        .lines()
        .next()
        .unwrap_or("invalid")
        .trim_end_matches('.');
    match e.span() {
        Some(span) => {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            format!("line {line}: {message}")
        }
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_found_under_a_header_with_a_comment() {
        let text = "[keys] # mine\nx = \"quit\"\n[theme]\nx = \"red\"\n";
        assert_eq!(line_of(text, Some("keys"), "x"), Some(2));
        assert_eq!(line_of(text, Some("theme"), "x"), Some(4));
        assert_eq!(line_of(text, None, "keys"), Some(1));
    }
}
