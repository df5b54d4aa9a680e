import Foundation
import Testing

/// python3 with openpyxl: the reader closest to what Excel and WPS make of a file, and a second writer whose
/// files the xlsx reader must read.
enum Python {
    /// Whether openpyxl can be used; when not, records an issue under ZONEDESK_REQUIRE_PY=1 (CI) or warns loudly.
    static func hasOpenpyxl(checking what: String) -> Bool {
        guard run(["-c", "import openpyxl"]).status != 0 else { return true }
        if ProcessInfo.processInfo.environment["ZONEDESK_REQUIRE_PY"] == "1" {
            Issue.record("python3 with openpyxl is required (ZONEDESK_REQUIRE_PY=1): pip install openpyxl")
        } else {
            print("⚠️⚠️⚠️ \(what) NOT CHECKED: python3 with openpyxl is unavailable (pip install openpyxl) ⚠️⚠️⚠️")
        }
        return false
    }

    static func run(_ arguments: [String]) -> (status: Int32, output: Data, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { return (-1, Data(), "\(error)") }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, outputData, String(decoding: errorData, as: UTF8.self))
    }
}
