//! Macros for the accessors and builder methods of the dossier's facts,
//! which set or read one field each: written once here, so that every
//! fact's methods behave alike and its impl lists only what differs.

/// Builder methods that set one field of the value they take and give it
/// back, each `#[must_use]`:
///
/// `fn with_x(x: T) { x = Some(x) }` becomes
/// `pub fn with_x(mut self, x: T) -> Self { self.x = Some(x); self }`, and
/// `fn with_y(y: T) { ys.push(y) }` pushes instead. Doc comments and
/// attributes before each method are kept.
macro_rules! setters {
    ($(
        $(#[$attr:meta])*
        fn $name:ident($arg:ident: $ty:ty) { $field:ident $($op:tt)+ }
    )*) => {$(
        $(#[$attr])*
        #[must_use]
        pub fn $name(mut self, $arg: $ty) -> Self {
            self.$field $($op)+;
            self
        }
    )*};
}

/// Accessors that give one field: `fn x -> &T { &x }` by reference,
/// `fn x -> T { x }` by copy, `fn x -> Option<&T> { x.as_ref() }` (or
/// any other method, `x.map(NaiveDate::from)`) through a method of the
/// field. Doc comments and attributes before each accessor are kept.
macro_rules! getters {
    () => {};
    ($(#[$attr:meta])* fn $name:ident -> $ty:ty { &$field:ident } $($rest:tt)*) => {
        $(#[$attr])*
        pub fn $name(&self) -> $ty {
            &self.$field
        }
        getters! { $($rest)* }
    };
    ($(#[$attr:meta])* fn $name:ident -> $ty:ty { $field:ident $(.$method:ident($($arg:expr),*))? } $($rest:tt)*) => {
        $(#[$attr])*
        pub fn $name(&self) -> $ty {
            self.$field $(.$method($($arg),*))?
        }
        getters! { $($rest)* }
    };
}

/// What every fact has of its citation, over its fields `source:
/// SourceId` and `reported: Option<IsoDate>`: the builder method
/// `with_reported` and the accessors `source` and `reported`, alike in
/// every fact.
macro_rules! cited {
    () => {
        setters! {
            /// With the date the source reported it, when it differs from the
            /// source's date.
            fn with_reported(date: ::chrono::NaiveDate) { reported = Some($crate::serde_str::IsoDate(date)) }
        }

        getters! {
            /// The source.
            fn source -> &$crate::model::SourceId { &source }

            /// The date the source reported it, when given.
            fn reported -> Option<::chrono::NaiveDate> { reported.map(::chrono::NaiveDate::from) }
        }
    };
}
