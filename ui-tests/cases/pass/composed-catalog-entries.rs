// A derive names the entries of a composed catalog as it names a catalog's own: the
// codes of every member, bare or qualified, with the member checks and the statuses
// asserted beside them; inline codes beside it stay its own.
use problem_codes::{Catalog, ProblemCode, error_catalog};

error_catalog! {
    pub catalog Auth {
        section "Auth" {
            AUTH_USER_NOT_FOUND = 404 { title: "User not found" },
        }
    }

    pub catalog Avatar {
        section "Avatar" {
            AVATAR_FILE_INVALID = 422 { title: "Invalid avatar file", members: { max_bytes: integer } },
        }
    }

    pub catalog Eryao = Auth + Avatar;

    pub catalog Platform = Eryao;
}

#[derive(Debug, ProblemCode)]
#[problem(catalog = Eryao)]
enum ProfileError {
    #[problem(AUTH_USER_NOT_FOUND)]
    NoUser,
    #[problem(AVATAR_FILE_INVALID, status = 422, detail = "at most {max_bytes} bytes")]
    BadAvatar {
        #[problem(extension)]
        max_bytes: u64,
    },
    #[problem(Platform::AVATAR_FILE_INVALID)]
    BadAvatarAgain { #[problem(extension)] max_bytes: u32 },
    #[problem(code = "PROFILE_LOCKED", status = 423, title = "Profile locked")]
    Locked,
}

// A composed catalog of a composed catalog.
#[derive(Debug, ProblemCode)]
#[problem(catalog = Platform, AUTH_USER_NOT_FOUND)]
struct Missing;

fn main() {
    assert_eq!(ProfileError::NoUser.status(), 404);
    let bad = ProfileError::BadAvatar { max_bytes: 1024 };
    assert_eq!((bad.code(), bad.status().as_u16()), ("AVATAR_FILE_INVALID", 422));
    assert_eq!(bad.detail().as_deref(), Some("at most 1024 bytes"));
    assert!(std::ptr::eq(bad.entry(), Avatar::AVATAR_FILE_INVALID.entry()));
    assert_eq!(ProfileError::BadAvatarAgain { max_bytes: 1 }.title(), "Invalid avatar file");
    assert_eq!(ProfileError::Locked.code(), "PROFILE_LOCKED");
    assert_eq!(Missing.code(), "AUTH_USER_NOT_FOUND");
    assert_eq!(Eryao::from_code("AVATAR_FILE_INVALID"), Some(Eryao::Avatar(Avatar::AVATAR_FILE_INVALID)));
    assert_eq!(Platform::ALL.len(), 2);
}
