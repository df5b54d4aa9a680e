import ZoneCore

/// Why an uploaded .xlsx could not be read. `message` is what the import page and the CLI show: it says
/// what to do, because the person at the screen has a sheet from WPS or Excel, not a zip tool.
public enum XLSXReadError: Error, Equatable, Sendable {
    /// Not a zip, a truncated download, or a zip that is not a workbook (a .docx, say).
    case notAWorkbook
    /// A part the workbook names is missing or is not well-formed XML, e.g. "xl/worksheets/sheet1.xml".
    case damagedPart(String)
    /// A part unpacks to more than `XLSXReader.maxPartBytes` (a zip bomb, or a sheet far past any import's size).
    case partTooLarge(String)
    /// No sheet by that name; `available` lists the sheets the workbook does have.
    case noSuchSheet(String, available: [String])
    /// A cell holds more than Excel's 32,767 characters, e.g. "C7".
    case cellTooLarge(String)
    /// The sheet holds more than `XLSXReader.maxCells` cells (blanks left of a filled cell count too).
    case tooManyCells
    /// A formula cell saved without its computed value (files written by scripts rather than Excel), e.g. "D3".
    case formulaWithoutValue(String)

    public var message: String {
        switch self {
        case .notAWorkbook:
            "文件不是有效的 Excel 工作簿（.xlsx）：可能已损坏、未完整上传，或是其他格式。请在 Excel/WPS 中另存为 .xlsx 或 CSV 后重试"
        case .damagedPart(let part):
            "Excel 文件已损坏（\(part) 无法读取），请在 Excel/WPS 中打开后重新保存"
        case .partTooLarge(let part):
            "Excel 文件过大（\(part) 解压后超过 \(XLSXReader.maxPartBytes >> 20) MB，全部内容合计不得超过 \(XLSXReader.maxWorkbookBytes >> 20) MB，"
                + "或压缩比异常），请分批导入"
        case .noSuchSheet(let name, let available):
            "工作簿中没有名为“\(name)”的工作表（现有：\(available.joined(separator: "、"))）"
        case .cellTooLarge(let reference):
            "单元格 \(reference) 的内容超过 \(XLSXCell.maxTextLength) 个字符"
        case .tooManyCells:
            "工作表超过 \(Thousands.text(XLSXReader.maxCells)) 个单元格（含左侧空白单元格），请分批导入"
        case .formulaWithoutValue(let reference):
            "单元格 \(reference) 是公式且没有计算结果，请在 Excel/WPS 中打开并保存一次，或将公式复制为数值"
        }
    }
}
