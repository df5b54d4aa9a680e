import Foundation

/// The fixed package parts that tie the worksheets together. Relationship ids: rId1…rIdN are the sheets
/// in order, then styles, then shared strings.
extension XLSXWorkbook {
    var contentTypesXML: String {
        let base = "application/vnd.openxmlformats-officedocument"
        let sheetOverrides = sheets.indices.map { index in
            #"<Override PartName="/xl/worksheets/sheet\#(index + 1).xml" ContentType="\#(base).spreadsheetml.worksheet+xml"/>"#
        }
        return SpreadsheetML.declaration
            + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="\#(base).spreadsheetml.sheet.main+xml"/>"#
            + sheetOverrides.joined()
            + #"<Override PartName="/xl/styles.xml" ContentType="\#(base).spreadsheetml.styles+xml"/>"#
            + #"<Override PartName="/xl/sharedStrings.xml" ContentType="\#(base).spreadsheetml.sharedStrings+xml"/>"#
            + #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
            + #"<Override PartName="/docProps/app.xml" ContentType="\#(base).extended-properties+xml"/>"#
            + "</Types>"
    }

    var packageRelationshipsXML: String {
        let officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        return SpreadsheetML.declaration
            + #"<Relationships xmlns="\#(SpreadsheetML.packageRelationshipNamespace)">"#
            + #"<Relationship Id="rId1" Type="\#(officeDocument)/officeDocument" Target="xl/workbook.xml"/>"#
            + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
            + #"<Relationship Id="rId3" Type="\#(officeDocument)/extended-properties" Target="docProps/app.xml"/>"#
            + "</Relationships>"
    }

    var appPropertiesXML: String {
        SpreadsheetML.declaration
            + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#
            + "<Application>ZoneDesk</Application></Properties>"
    }

    var corePropertiesXML: String {
        let timestamp = created.formatted(.iso8601)
        return SpreadsheetML.declaration
            + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties""#
            + #" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/""#
            + #" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
            + "<dc:creator>\(SpreadsheetML.escape(creator))</dc:creator>"
            + #"<dcterms:created xsi:type="dcterms:W3CDTF">\#(timestamp)</dcterms:created>"#
            + #"<dcterms:modified xsi:type="dcterms:W3CDTF">\#(timestamp)</dcterms:modified>"#
            + "</cp:coreProperties>"
    }

    var workbookXML: String {
        let entries = sheets.enumerated().map { index, sheet in
            #"<sheet name="\#(SpreadsheetML.escape(sheet.name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        return SpreadsheetML.declaration
            + #"<workbook xmlns="\#(SpreadsheetML.mainNamespace)" xmlns:r="\#(SpreadsheetML.relationshipNamespace)">"#
            + #"<bookViews><workbookView activeTab="0"/></bookViews>"#
            + "<sheets>\(entries.joined())</sheets>"
            + "</workbook>"
    }

    var workbookRelationshipsXML: String {
        let type = SpreadsheetML.relationshipNamespace
        let sheetLinks = sheets.indices.map { index in
            #"<Relationship Id="rId\#(index + 1)" Type="\#(type)/worksheet" Target="worksheets/sheet\#(index + 1).xml"/>"#
        }
        return SpreadsheetML.declaration
            + #"<Relationships xmlns="\#(SpreadsheetML.packageRelationshipNamespace)">"#
            + sheetLinks.joined()
            + #"<Relationship Id="rId\#(sheets.count + 1)" Type="\#(type)/styles" Target="styles.xml"/>"#
            + #"<Relationship Id="rId\#(sheets.count + 2)" Type="\#(type)/sharedStrings" Target="sharedStrings.xml"/>"#
            + "</Relationships>"
    }
}
