//! A parsed problem seen through a catalog with its members typed: the case a client
//! matches on, holding the members the code declares.

use serde_json::{Map, Value};

use crate::{
    Catalog, CodeSet, Entry, Member, MemberType, Problem, TypedCode, ValidationErrors,
    is_valid_code,
};

/// A parsed problem seen through catalog `C`: a known code with its declared members,
/// a code this build does not know, or no code at all.
///
/// Made by [`Problem::typed`]. It is [`TypedCode`] with the members of a known code
/// attached; making it allocates nothing.
///
/// ```
/// use problem_codes::{Catalog, Entry, Member, MemberType, Problem, ProblemCode, Section, Typed};
///
/// // A catalog written by hand, with a code that declares members.
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
/// enum Points { InsufficientBalance }
/// const BROKE: Entry = Entry::new("POINTS_INSUFFICIENT_BALANCE", 402, "Not enough points", "/problems/points-insufficient-balance")
///     .with_members(&[
///         Member::new("balance", MemberType::Integer),
///         Member::new("top_up_url", MemberType::Text).optional(),
///     ]);
/// impl ProblemCode for Points {
///     fn entry(&self) -> &'static Entry { &BROKE }
/// }
/// impl std::fmt::Display for Points {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str(self.code()) }
/// }
/// impl Catalog for Points {
///     const NAME: &'static str = "Points";
///     const ALL: &'static [Points] = &[Points::InsufficientBalance];
///     const SECTIONS: &'static [Section<Points>] = &[Section::new("Points", Points::ALL)];
///     fn from_code(code: &str) -> Option<Points> {
///         (code == BROKE.code()).then_some(Points::InsufficientBalance)
///     }
/// }
///
/// let body = br#"{"status":402,"code":"POINTS_INSUFFICIENT_BALANCE","balance":3,"top_up_url":7}"#;
/// let problem = Problem::from_json(body)?;
/// let message = match problem.typed::<Points>() {
///     Typed::Known { code: Points::InsufficientBalance, members } => {
///         // `top_up_url` is a number here, not the declared string: read as absent.
///         assert_eq!(members.text("top_up_url"), None);
///         format!("You have {} points", members.integer("balance").unwrap_or(0))
///     }
///     Typed::Unknown(code) => format!("Error {code}"),
///     Typed::Absent => "Something went wrong".to_owned(),
/// };
/// assert_eq!(message, "You have 3 points");
/// # Ok::<(), problem_codes::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Typed<'a, C> {
    /// A code of the catalog, and the members its entry declares.
    Known {
        /// The code.
        code: C,
        /// Its declared members, read from the document.
        members: Members<'a>,
    },
    /// A code the catalog does not have, always in the code shape
    /// ([`is_valid_code`](crate::is_valid_code)): safe to log as it is. Its members are
    /// still in [`Problem::extensions`], untyped.
    Unknown(&'a str),
    /// The document has no `code` member.
    Absent,
}

impl<C: Copy> Typed<'_, C> {
    /// The known code, if any: `None` for both an unknown and an absent code.
    ///
    /// ```
    /// # use problem_codes::Problem;
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
    /// # } } }
    /// let problem = Problem::from_json(br#"{"code":"AUTH_USER_NOT_FOUND"}"#)?;
    /// assert_eq!(problem.typed::<Auth>().known(), Some(Auth::AUTH_USER_NOT_FOUND));
    /// let newer = Problem::from_json(br#"{"code":"AUTH_EMAIL_TAKEN"}"#)?;
    /// assert_eq!(newer.typed::<Auth>().known(), None);
    /// # Ok::<(), problem_codes::ParseError>(())
    /// ```
    #[must_use]
    pub fn known(&self) -> Option<C> {
        match self {
            Typed::Known { code, .. } => Some(*code),
            _ => None,
        }
    }

    /// The code alone, as [`Problem::typed_code`] gives it.
    ///
    /// ```
    /// # use problem_codes::{Problem, TypedCode};
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
    /// # } } }
    /// let problem = Problem::from_json(br#"{"status":502}"#)?;
    /// assert_eq!(problem.typed::<Auth>().code(), TypedCode::Absent);
    /// assert_eq!(problem.typed::<Auth>().code(), problem.typed_code::<Auth>());
    /// # Ok::<(), problem_codes::ParseError>(())
    /// ```
    #[must_use]
    pub fn code(&self) -> TypedCode<'_, C> {
        match self {
            Typed::Known { code, .. } => TypedCode::Known(*code),
            Typed::Unknown(code) => TypedCode::Unknown(code),
            Typed::Absent => TypedCode::Absent,
        }
    }
}

impl<'a, C: Catalog> Typed<'a, C> {
    pub(crate) fn of(problem: &'a Problem) -> Typed<'a, C> {
        match problem.typed_code::<C>() {
            TypedCode::Known(code) => Typed::Known {
                code,
                members: Members {
                    problem,
                    declared: code.entry().members(),
                },
            },
            TypedCode::Unknown(code) => Typed::Unknown(code),
            TypedCode::Absent => Typed::Absent,
        }
    }
}

impl<'a> Typed<'a, &'static Entry> {
    pub(crate) fn in_set<S: CodeSet + ?Sized>(problem: &'a Problem) -> Typed<'a, &'static Entry> {
        let Some(code) = problem.code().filter(|code| is_valid_code(code)) else {
            return Typed::Absent;
        };
        let mut entries = Vec::new();
        S::entries(&mut entries);
        match entries.into_iter().find(|entry| entry.code() == code) {
            Some(entry) => Typed::Known {
                code: entry,
                members: Members {
                    problem,
                    declared: entry.members(),
                },
            },
            None => Typed::Unknown(code),
        }
    }
}

/// The members a known code declares, read from a parsed problem with their declared
/// types.
///
/// Each getter answers for a member the code declares with the getter's type: `integer`
/// for `integer`, `number` for `number` (and `integer`, since every integer is a
/// number), `text` for `string`, `boolean`, `array` for `[scalar]`, `object` for
/// `{scalar}` and [`errors`](Members::errors) for the RFC 9457 §3 array. It gives `None`
/// when the document leaves the member out, when the value has another type (a client
/// ignores it, as RFC 9457 §3.1 says; it is not an error), and when the code does not
/// declare the name or declares it with another type: a client built against an older
/// catalog reads a member added later as absent, and keeps working. To tell a typo from
/// an absent member, ask [`declares`](Members::declares).
///
/// No getter allocates but [`errors`](Members::errors), which builds its pointers.
///
/// ```
/// use problem_codes::{Entry, Member, MemberType, Problem, Scalar};
/// # use problem_codes::{Catalog, ProblemCode, Section, Typed};
/// # #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
/// # struct Quota;
/// # impl ProblemCode for Quota { fn entry(&self) -> &'static Entry { &EXCEEDED } }
/// # impl std::fmt::Display for Quota {
/// #     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str(self.code()) }
/// # }
/// # impl Catalog for Quota {
/// #     const NAME: &'static str = "Quota";
/// #     const ALL: &'static [Quota] = &[Quota];
/// #     const SECTIONS: &'static [Section<Quota>] = &[Section::new("Quota", Quota::ALL)];
/// #     fn from_code(code: &str) -> Option<Quota> { (code == EXCEEDED.code()).then_some(Quota) }
/// # }
///
/// const EXCEEDED: Entry = Entry::new("QUOTA_EXCEEDED", 429, "Quota exceeded", "/problems/quota-exceeded")
///     .with_members(&[
///         Member::new("retry_after", MemberType::Integer),
///         Member::new("quota_metric", MemberType::Text),
///         Member::new("usage", MemberType::Number),
///         Member::new("hard", MemberType::Boolean),
///         Member::new("scopes", MemberType::Array(Scalar::Text)),
///         Member::new("limits", MemberType::Object(Scalar::Integer)),
///         Member::new("errors", MemberType::Errors).optional(),
///     ]);
///
/// let problem = Problem::from_json(br##"{"status":429,"code":"QUOTA_EXCEEDED","retry_after":30,
///     "quota_metric":"requests","usage":0.97,"hard":true,"scopes":["read","write"],
///     "limits":{"minute":60},"errors":[{"detail":"too fast","pointer":"#/rate"}],"trace":"a1"}"##)?;
/// let Typed::Known { members, .. } = problem.typed::<Quota>() else { unreachable!() };
/// assert_eq!(members.integer("retry_after"), Some(30));
/// assert_eq!(members.text("quota_metric"), Some("requests"));
/// assert_eq!(members.number("usage"), Some(0.97));
/// assert_eq!(members.number("retry_after"), Some(30.0));
/// assert_eq!(members.boolean("hard"), Some(true));
/// let scopes: Vec<&str> = members.array("scopes").into_iter().flatten().filter_map(|v| v.as_str()).collect();
/// assert_eq!(scopes, ["read", "write"]);
/// assert_eq!(members.object("limits").and_then(|l| l["minute"].as_i64()), Some(60));
/// assert_eq!(members.errors().map(|e| e.len()), Some(1));
///
/// // A member the code does not declare, or read with another type, is `None`.
/// assert_eq!(members.text("trace"), None);
/// assert!(!members.declares("trace"));
/// assert_eq!(members.text("retry_after"), None);
/// assert_eq!(members.declared().len(), 7);
/// # Ok::<(), problem_codes::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Members<'a> {
    problem: &'a Problem,
    declared: &'static [Member],
}

impl<'a> Members<'a> {
    /// The members the code declares, in declaration order. See the example on
    /// [`Members`].
    #[must_use]
    pub fn declared(&self) -> &'static [Member] {
        self.declared
    }

    /// Whether the code declares a member named `name`. See the example on [`Members`].
    #[must_use]
    pub fn declares(&self, name: &str) -> bool {
        self.member(name).is_some()
    }

    /// The declared member named `name`, if any.
    fn member(&self, name: &str) -> Option<&'static Member> {
        self.declared.iter().find(|member| member.name() == name)
    }

    /// The value of member `name` when the code declares it with a type that `wanted`
    /// takes and the document's value has the declared type.
    fn value(&self, name: &str, wanted: impl Fn(MemberType) -> bool) -> Option<&'a Value> {
        let member = self.member(name).filter(|member| wanted(member.ty()))?;
        self.problem
            .extension(name)
            .filter(|value| member.ty().accepts(value))
    }

    /// A declared `integer` member. `retry_after`, which [`Problem`] keeps apart, is read
    /// here too. See the example on [`Members`].
    #[must_use]
    pub fn integer(&self, name: &str) -> Option<i64> {
        if name == "retry_after" {
            // Declared `integer` or not at all: `Member::check` refuses another type.
            self.member(name)?;
            return self
                .problem
                .retry_after()
                .and_then(|secs| i64::try_from(secs).ok());
        }
        self.value(name, |ty| ty == MemberType::Integer)
            .and_then(Value::as_i64)
    }

    /// A declared `number` or `integer` member, as a float. See the example on
    /// [`Members`].
    #[must_use]
    pub fn number(&self, name: &str) -> Option<f64> {
        if name == "retry_after" {
            #[allow(
                clippy::cast_precision_loss,
                reason = "seconds to wait fit in the 53 bits of a float's mantissa"
            )]
            return self.integer(name).map(|secs| secs as f64);
        }
        self.value(name, |ty| {
            matches!(ty, MemberType::Number | MemberType::Integer)
        })
        .and_then(Value::as_f64)
    }

    /// A declared `string` member. See the example on [`Members`].
    #[must_use]
    pub fn text(&self, name: &str) -> Option<&'a str> {
        self.value(name, |ty| ty == MemberType::Text)
            .and_then(Value::as_str)
    }

    /// A declared `boolean` member. See the example on [`Members`].
    #[must_use]
    pub fn boolean(&self, name: &str) -> Option<bool> {
        self.value(name, |ty| ty == MemberType::Boolean)
            .and_then(Value::as_bool)
    }

    /// A declared array member (`[string]`, `[integer]`, …): every item has the
    /// declared item type, or the whole member is `None`. See the example on
    /// [`Members`].
    #[must_use]
    pub fn array(&self, name: &str) -> Option<&'a [Value]> {
        self.value(name, |ty| matches!(ty, MemberType::Array(_)))
            .and_then(Value::as_array)
            .map(Vec::as_slice)
    }

    /// A declared object member (`{string}`, `{integer}`, …): every value has the
    /// declared value type, or the whole member is `None`. See the example on
    /// [`Members`].
    #[must_use]
    pub fn object(&self, name: &str) -> Option<&'a Map<String, Value>> {
        self.value(name, |ty| matches!(ty, MemberType::Object(_)))
            .and_then(Value::as_object)
    }

    /// The RFC 9457 §3 `errors` member, when the code declares it and the document has
    /// it as an array of objects. Items without a string `detail` and a valid `pointer`
    /// are left out, as [`ValidationErrors::from_problem`] does. See the example on
    /// [`Members`].
    #[must_use]
    pub fn errors(&self) -> Option<ValidationErrors> {
        self.value(crate::ERRORS_MEMBER, |ty| ty == MemberType::Errors)
            .map(|_| ValidationErrors::from_problem(self.problem))
    }
}
