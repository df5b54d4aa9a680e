import ZoneCore
import ZoneWeb

/// The people register the xlsx cases read and write: `rows` seeded rows in the people import's columns, shaped
/// like `bench/gen_people.py`'s (a three-character name, an 18-digit ID number, a mobile number, one unit, 编外,
/// three blank columns, 在岗, no 参加工作时间), so the generated workbook and the one bench/run makes with openpyxl hold alike text.
enum BenchPeopleSheet {
    static func make(rows count: Int) throws -> XLSXSheet {
        var random = SeededGenerator(seed: 11)
        let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"), given = Array("伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚")
        func pick(_ characters: [Character]) -> Character { characters[Int(random.next() % UInt64(characters.count))] }
        func digits(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        var sheet = try XLSXSheet(name: "人员名册", header: PeopleImport.columns)
        sheet.rows = (0..<count).map { i in
            [.text(String([pick(surnames), pick(given), pick(given)])), .text("5301021960" + digits(i, 8)),
             .text("139" + digits(i, 8)), .text("产业发展局"), .text("编外"), .empty, .empty, .empty, .text("在岗"), .empty]
        }
        return sheet
    }
}
