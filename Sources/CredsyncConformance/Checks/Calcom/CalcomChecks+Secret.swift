import Credsync
import CredsyncWire

// CAL-001 to CAL-009: the switch, the secret header and the method.
extension CalcomChecks {
    static var secretChecks: [Check<CalcomProbe>] {
        [
            check("CAL-001") { probe in
                guard probe.configuration.expectDisabled else {
                    return .skip("applies to an instance switched off", enableWith: "--expect-disabled")
                }
                let answer = await probe.push(unknownUserBody(probe))
                return grade(
                    probe,
                    [("the right secret", answer, expect(.disabled, probe))],
                    expected: "403 Credential sharing is not enabled"
                )
            },
            check("CAL-002") { probe in
                let answer = await probe.webhook(secret: [], body: Array(unknownUserBody(probe).serialized.utf8))
                return grade(
                    probe,
                    [("no secret header", answer, expect(.invalidSecret, probe))],
                    expected: "a push without the secret header refused with 403"
                )
            },
            check("CAL-003") { probe in
                let body = Array(unknownUserBody(probe).serialized.utf8)
                let secret = probe.configuration.secret
                let name = probe.headerName
                let variants: [(String, [(String, String)])] = [
                    ("another secret", [(name, "credsync-probe-wrong-secret")]),
                    ("the secret with a suffix", [(name, secret + "x")]),
                    ("the secret with its last character dropped", [(name, String(secret.dropLast()))]),
                    ("the header sent twice", [(name, secret), (name, secret)]),
                ]
                var cases: [(String, CalcomProbe.Answer, CalcomExpectedAnswer)] = []
                for (label, header) in variants {
                    cases.append(
                        (label, await probe.webhook(secret: header, body: body), expect(.invalidSecret, probe))
                    )
                }
                return grade(probe, cases, expected: "every wrong secret refused with 403")
            },
            check("CAL-004") { probe in
                let secret = probe.configuration.secret
                let swapped = String(
                    secret.map { $0.isUppercase ? Character($0.lowercased()) : Character($0.uppercased()) }
                )
                guard swapped != secret else {
                    return .skip("the secret has no letters whose case could change")
                }
                guard await refusesBaseline(probe, wrong: true) else {
                    return .skip("not observable: a plainly wrong secret is taken too (see CAL-003)")
                }
                let body = Array(unknownUserBody(probe).serialized.utf8)
                let answer = await probe.webhook(secret: [(probe.headerName, swapped)], body: body)
                return grade(
                    probe,
                    [("the secret with its case swapped", answer, expect(.invalidSecret, probe))],
                    expected: "the secret in another case refused with 403"
                )
            },
            check("CAL-005") { probe in
                let other = probe.edition.other.defaultHeaderName
                guard other.lowercased() != probe.headerName.lowercased() else {
                    return .skip("the configured header name is the other edition's default")
                }
                guard await refusesBaseline(probe, wrong: false) else {
                    return .skip("not observable: a push without any secret is taken too (see CAL-002)")
                }
                let body = Array(unknownUserBody(probe).serialized.utf8)
                let answer = await probe.webhook(secret: [(other, probe.configuration.secret)], body: body)
                return grade(
                    probe,
                    [("the secret under \(other)", answer, expect(.invalidSecret, probe))],
                    expected: "the secret under the other edition's header name refused with 403"
                )
            },
            check("CAL-006") { probe in
                let variant = probe.headerName.split(separator: "-", omittingEmptySubsequences: false)
                    .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "-")
                let upper = probe.headerName.uppercased()
                let names = [variant, upper].filter { $0 != probe.headerName }
                guard !names.isEmpty else {
                    return .skip("the header name has no letters whose case could change")
                }
                let body = Array(unknownUserBody(probe).serialized.utf8)
                var cases: [(label: String, answer: CalcomProbe.Answer)] = []
                for name in Array(Set(names)).sorted() {
                    let answer = await probe.webhook(secret: [(name, probe.configuration.secret)], body: body)
                    cases.append(("the secret under \(name)", answer))
                }
                return gradeAccepted(
                    probe,
                    cases,
                    expected: "the secret accepted under the header name in any case"
                )
            },
            check("CAL-007") { probe in
                let body = Array(unknownUserBody(probe).serialized.utf8)
                let secret = probe.configuration.secret
                var cases: [(label: String, answer: CalcomProbe.Answer)] = []
                for (label, value) in [("spaces around", "  \(secret)  "), ("a tab before", "\t\(secret)")] {
                    let answer = await probe.webhook(secret: [(probe.headerName, value)], body: body)
                    cases.append(("the secret with \(label)", answer))
                }
                return gradeAccepted(
                    probe,
                    cases,
                    expected: "the secret accepted with white space around it"
                )
            },
            check("CAL-008") { probe in
                guard await refusesBaseline(probe, wrong: true) else {
                    return .skip("not observable: a wrong secret is taken even with a good body (see CAL-003)")
                }
                let answer = await probe.webhook(
                    secret: [(probe.headerName, "credsync-probe-wrong-secret")],
                    body: Array("{\"userId\": ".utf8)
                )
                return grade(
                    probe,
                    [("a wrong secret with a body that is not JSON", answer, expect(.invalidSecret, probe))],
                    expected: "the secret checked before the body: 403"
                )
            },
            check("CAL-009") { probe in
                let body = Array(unknownUserBody(probe).serialized.utf8)
                var cases: [(String, CalcomProbe.Answer, CalcomExpectedAnswer)] = []
                for method in ["GET", "PUT", "PATCH", "DELETE"] {
                    let answer = await probe.webhook(method: method, secret: probe.secretHeader, body: body)
                    cases.append((method, answer, expect(.methodNotAllowed, probe)))
                }
                return grade(probe, cases, expected: "GET, PUT, PATCH and DELETE answered 405")
            },
        ]
    }
}
