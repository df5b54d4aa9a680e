import ZoneCore

/// Small building blocks shared by pages.
enum Components {
    static func csrf(_ principal: Principal) -> HTML {
        HTML.tag("input", ["type": "hidden", "name": "_csrf", "value": principal.session.csrfToken])
    }

    static func flash(_ message: String?, kind: String = "error") -> HTML {
        guard let message, !message.isEmpty else { return .empty }
        return HTML.tag("div", ["class": "flash " + kind, "role": "alert"]) { message }
    }

    static func stat(_ label: String, _ value: String, href: String? = nil) -> HTML {
        HTML.tag("div", ["class": "stat"]) {
            HTML.tag("div", ["class": "label"]) { label }
            if let href {
                HTML.tag("a", ["class": "value", "href": href]) { value }
            } else {
                HTML.tag("div", ["class": "value"]) { value }
            }
        }
    }

    /// A labelled form row with its error shown beside the field.
    static func field(_ label: String, name: String, value: String, errors: FieldErrors, hint: String = "",
                      type: String = "text", required: Bool = false) -> HTML {
        HTML.tag("div", ["class": errors[name] == nil ? "field" : "field invalid"]) {
            Components.label(label, for: name, required: required)
            HTML.tag("input", ["type": type, "id": name, "name": name, "value": value,
                               "required": required ? "required" : nil,
                               "aria-invalid": errors[name] == nil ? nil : "true"])
            HTML.tag("span", ["class": errors[name] == nil ? "hint" : "error"]) { errors[name] ?? hint }
        }
    }

    static func selectField(_ label: String, name: String, value: String, options: [(value: String, label: String)],
                            errors: FieldErrors, required: Bool = false) -> HTML {
        HTML.tag("div", ["class": errors[name] == nil ? "field" : "field invalid"]) {
            Components.label(label, for: name, required: required)
            HTML.tag("select", ["id": name, "name": name]) {
                for option in options {
                    HTML.tag("option", ["value": option.value, "selected": option.value == value ? "selected" : nil]) { option.label }
                }
            }
            HTML.tag("span", ["class": "error"]) { errors[name] ?? "" }
        }
    }

    static func label(_ text: String, for name: String, required: Bool) -> HTML {
        HTML.tag("label", ["for": name]) {
            if required { HTML.tag("span", ["class": "req"]) { "*" } }
            text
        }
    }

    /// Save and cancel for a form.
    static func formButtons(cancel: String) -> HTML {
        HTML.tag("div", ["class": "field"]) {
            HTML.tag("span")
            HTML.tag("div", ["class": "actions"]) {
                HTML.tag("button", ["type": "submit"]) { "保存" }
                HTML.tag("a", ["class": "btn secondary", "href": cancel]) { "取消" }
            }
        }
    }

    static func tag(_ text: String, kind: String = "") -> HTML {
        HTML.tag("span", ["class": kind.isEmpty ? "tag" : "tag " + kind]) { text }
    }
}
