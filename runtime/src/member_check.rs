//! The derive's compile-time checks of the fields that render members against the
//! members their code declares. The macro cannot read a catalog declared elsewhere,
//! so it writes one `const` per check, spanned on the user's field or entry, and const
//! evaluation panics with the message built here.

use crate::const_message::CheckReport;
use crate::member::eq;
use crate::{Entry, Member, MemberType};

/// A check's outcome: empty, or the message of the rule broken.
pub type MemberReport = CheckReport<320>;

const OK: MemberReport = CheckReport::ok("a field does not match the member its code declares");

const fn find(entry: &Entry, name: &str) -> Option<Member> {
    let members = entry.members();
    let mut i = 0;
    while i < members.len() {
        if eq(members[i].name(), name) {
            return Some(members[i]);
        }
        i += 1;
    }
    None
}

/// A field renders the member `name`: the code declares it, with the field's type
/// (`None` when the macro cannot name the type, a type parameter's), and a field that
/// may render nothing (`optional`) only for a member that may be left out.
#[must_use]
pub const fn check_field(
    entry: &Entry,
    name: &str,
    ty: Option<MemberType>,
    optional: bool,
) -> MemberReport {
    let Some(member) = find(entry, name) else {
        let report = OK
            .push("`")
            .push(entry.code())
            .push("` declares no member `")
            .push(name)
            .push("`; declare it with the code (`")
            .push(name);
        let report = match ty {
            Some(ty) => report.push(": ").push(ty.name()),
            None => report,
        };
        return report.push("`), or stop rendering this field");
    };
    if let Some(ty) = ty
        && !same(ty, member.ty())
    {
        return OK
            .push("member `")
            .push(name)
            .push("` of `")
            .push(entry.code())
            .push("` is declared `")
            .push(member.ty().name())
            .push("`, but this field renders `")
            .push(ty.name())
            .push("`; give the field a type that renders `")
            .push(member.ty().name())
            .push("`");
    }
    if optional && !member.is_optional() {
        return OK
            .push("member `")
            .push(name)
            .push("` of `")
            .push(entry.code())
            .push("` is required, but this field is an `Option`; make the field's type non-optional, or declare the member `")
            .push(name)
            .push("?`");
    }
    OK
}

const fn same(a: MemberType, b: MemberType) -> bool {
    eq(a.name(), b.name())
}

/// A variant renders each required member of its code: `provided` are the members its
/// fields render.
#[must_use]
pub const fn check_provided(entry: &Entry, provided: &[&str]) -> MemberReport {
    let members = entry.members();
    let mut i = 0;
    while i < members.len() {
        let member = members[i];
        let mut found = member.is_optional();
        let mut j = 0;
        while !found && j < provided.len() {
            found = eq(provided[j], member.name());
            j += 1;
        }
        if !found {
            let report = OK
                .push("`")
                .push(entry.code())
                .push("` requires the member `")
                .push(member.name())
                .push("` (")
                .push(member.ty().name())
                .push("); add a field that renders it: ");
            return if eq(member.name(), "retry_after") {
                report.push("`#[problem(retry_after)] retry_after: u64`")
            } else {
                report
                    .push("`#[problem(extension)] ")
                    .push(member.name())
                    .push(": …`")
            };
        }
        i += 1;
    }
    OK
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENTRY: Entry =
        Entry::new("POINTS_LOW", 402, "Low", "/problems/points-low").with_members(&[
            Member::new("balance", MemberType::Integer),
            Member::new("hint", MemberType::Text).optional(),
        ]);

    #[test]
    fn fields_are_held_to_the_declared_members() {
        assert!(!check_field(&ENTRY, "balance", Some(MemberType::Integer), false).failed());
        assert!(!check_field(&ENTRY, "balance", None, false).failed());
        assert!(!check_field(&ENTRY, "hint", Some(MemberType::Text), true).failed());
        let wrong = check_field(&ENTRY, "balance", Some(MemberType::Text), false);
        assert!(
            wrong
                .message()
                .contains("is declared `integer`, but this field renders `string`")
        );
        let undeclared = check_field(&ENTRY, "extra", Some(MemberType::Boolean), false);
        assert!(
            undeclared.message().contains("declares no member `extra`"),
            "{}",
            undeclared.message()
        );
        assert!(undeclared.message().contains("`extra: boolean`"));
        assert!(
            check_field(&ENTRY, "balance", Some(MemberType::Integer), true)
                .message()
                .contains("is required")
        );
    }

    #[test]
    fn required_members_must_be_provided() {
        assert!(!check_provided(&ENTRY, &["balance"]).failed());
        let missing = check_provided(&ENTRY, &["hint"]);
        assert!(
            missing
                .message()
                .contains("requires the member `balance` (integer)")
        );
    }
}
