//! `plenary new`: the skeleton checks with only the warnings that say what to fill in, is in the
//! layout of `plenary fmt`, and is never written over a file.

use plenary::skeleton::{skeleton, Facts};

use crate::cli::{plenary, run, TempDir};

fn full() -> Facts {
    Facts {
        title: Some("Beijing Declaration on SMEs".to_string()),
        series: Some("ASEM SMEs Ministerial Meeting".to_string()),
        forum: Some("ASEM".to_string()),
        edition: Some("first".to_string()),
        host: Some("China".to_string()),
        place: Some("Beijing, China".to_string()),
        date: Some("2007-10-31".to_string()),
        periodicity: Some("biennial".to_string()),
    }
}

#[test]
fn a_skeleton_checks_with_a_warning_at_each_placeholder_and_nothing_else() {
    let partial = Facts {
        edition: Some("3rd".to_string()),
        periodicity: Some("annual".to_string()),
        ..Facts::default()
    };
    for facts in [Facts::default(), partial, full()] {
        let text = skeleton("new.decl", &facts).expect("the facts read");
        let checked = plenary::check_bytes("new.decl", text.as_bytes());
        let others: Vec<String> = checked
            .diagnostics
            .iter()
            .filter(|d| d.code != "text::unfilled-placeholder")
            .map(|d| format!("{}: {}", d.code, d.message))
            .collect();
        assert!(others.is_empty(), "{others:#?}\n{text}");
        let placeholders = text
            .lines()
            .filter(|line| !line.starts_with("//"))
            .map(|line| line.matches("[[").count())
            .sum::<usize>();
        assert_eq!(checked.diagnostics.len(), placeholders, "{text}");
        assert!(checked.diagnostics.iter().all(|d| !d.is_error()));
        let formatted = plenary::format::format(
            &plenary::Source::new("new.decl", text.as_str()),
            &plenary::format::Options::default(),
        )
        .expect("a skeleton formats");
        assert_eq!(
            formatted, text,
            "a skeleton is in the layout of `plenary fmt`"
        );
    }
}

#[test]
fn the_next_meeting_follows_from_the_facts_given() {
    let text = skeleton("new.decl", &full()).expect("the facts read");
    assert!(
        text.contains(
            "next meeting:\nedition: second\nhost: [[the host of the next meeting]]\nyear: 2009\n"
        ),
        "{text}"
    );
    let unknown = skeleton("new.decl", &Facts::default()).expect("no facts read");
    assert!(unknown.contains("// year: "), "{unknown}");
    assert!(unknown.contains("title: [[the title of the declaration]]"));
}

#[test]
fn new_writes_a_file_and_never_over_one() {
    let dir = TempDir::new("new");
    let out = run(
        plenary(&dir, &["new", "beijing", "--edition", "first"]),
        None,
    );
    assert_eq!(out.status, Some(0), "{}", out.stderr);
    let written = std::fs::read_to_string(dir.path().join("beijing.decl")).expect("written");
    assert!(written.contains("edition: first\n"));
    let check = run(plenary(&dir, &["check", "beijing.decl"]), None);
    assert_eq!(check.status, Some(0), "{}", check.stderr);
    let again = run(plenary(&dir, &["new", "beijing.decl"]), None);
    assert_eq!(again.status, Some(2));
    assert!(
        again.stderr.contains("never writes over"),
        "{}",
        again.stderr
    );
    let kept = std::fs::read_to_string(dir.path().join("beijing.decl")).unwrap();
    assert_eq!(kept, written);
}

#[test]
fn a_fact_that_does_not_read_writes_nothing() {
    let dir = TempDir::new("new-bad-date");
    let out = run(
        plenary(&dir, &["new", "draft", "--date", "31/10/2007"]),
        None,
    );
    assert_eq!(out.status, Some(2));
    assert!(
        out.stderr.contains("syntax::invalid-date"),
        "{}",
        out.stderr
    );
    assert!(!dir.path().join("draft.decl").exists());
}
