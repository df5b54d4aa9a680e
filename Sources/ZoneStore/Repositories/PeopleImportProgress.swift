/// How far a people import has got, reported between its steps so a large sheet's page can show it.
public enum PeopleImportProgress: Sendable, Equatable {
    /// Today's register and quotas are read (this many people registered); the sheet's rows are being checked.
    case registerRead(people: Int)
    /// Every row passed; writing begins.
    case checked(rows: Int)
    /// This many of the sheet's rows are inserted.
    case written(rows: Int, of: Int)
}
