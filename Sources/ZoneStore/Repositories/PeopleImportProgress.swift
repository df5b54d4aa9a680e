/// How far a people import has got, reported between its steps so a large sheet's page can show it.
public enum PeopleImportProgress: Sendable, Equatable {
    /// Today's register and quotas are read (this many people registered); the sheet's rows are being checked.
    case registerRead(people: Int)
    /// This many of the sheet's rows are checked (a preview).
    case checked(rows: Int, of: Int)
    /// This many of the sheet's rows are checked and written (an import checks each run of rows while it
    /// writes the run before).
    case written(rows: Int, of: Int)
}
