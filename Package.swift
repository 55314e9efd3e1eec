// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Termlint",
  products: [
    .executable(name: "termlint", targets: ["termlint"]),
    .library(name: "TermlintText", targets: ["TermlintText"]),
    .library(name: "TermlintGlossary", targets: ["TermlintGlossary"]),
    .library(name: "TermlintCore", targets: ["TermlintCore"]),
    .library(name: "TermlintLSP", targets: ["TermlintLSP"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    // Binary search over sorted offsets (`partitioningIndex`).
    .package(url: "https://github.com/apple/swift-algorithms", from: "1.2.0"),
    // Reads .xlsx glossaries (a workbook is a zip of XML parts).
    .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
  ],
  targets: [
    // System ICU (libicu-dev) behind a header that exposes no ICU types; see DESIGN.md.
    .target(
      name: "CICUShim",
      linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
    ),
    // System Hunspell (libhunspell-dev) behind a header that exposes no Hunspell types, as for ICU.
    .target(
      name: "CHunspellShim",
      linkerSettings: [.linkedLibrary("hunspell")]
    ),
    // GitHub's cmark-gfm (libcmark-gfm-dev, libcmark-gfm-extensions-dev) reads Markdown, behind
    // a header that exposes no cmark types, as for ICU.
    .target(
      name: "CCmarkShim",
      linkerSettings: [.linkedLibrary("cmark-gfm-extensions"), .linkedLibrary("cmark-gfm")]
    ),
    // ICU wrappers, normalization with offset maps, tokenization, segmentation, morphology,
    // spelling, language tags and the strict XML scanner: text in, facts about text out.
    .target(
      name: "TermlintText",
      dependencies: [
        "CICUShim", "CHunspellShim", .product(name: "Algorithms", package: "swift-algorithms"),
      ]),
    // The glossary model, its readers and writers, the load cache, and the compiled glossary
    // with its term matcher.
    .target(
      name: "TermlintGlossary",
      dependencies: [
        "TermlintText", .product(name: "Yams", package: "Yams"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    // Documents, annotation, alignment, rules, the pipeline, reporting and fixing.
    .target(
      name: "TermlintCore",
      dependencies: [
        "TermlintText", "TermlintGlossary", "CCmarkShim", .product(name: "Yams", package: "Yams"),
        .product(name: "Algorithms", package: "swift-algorithms"),
      ]
    ),
    // The language server's protocol logic (`termlint lsp`), testable without a process.
    .target(
      name: "TermlintLSP",
      dependencies: [
        "TermlintCore", "TermlintGlossary", "TermlintText",
        .product(name: "Algorithms", package: "swift-algorithms"),
      ]),
    .executableTarget(
      name: "termlint",
      dependencies: [
        "TermlintCore", "TermlintGlossary", "TermlintText", "TermlintLSP",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Paths, fixtures and seeded randomness shared by the test targets.
    .target(
      name: "TermlintTestSupport", dependencies: ["TermlintGlossary", "TermlintText"],
      path: "Tests/TermlintTestSupport"),
    .testTarget(
      name: "TermlintTextTests", dependencies: ["TermlintText", "TermlintTestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "TermlintGlossaryTests",
      dependencies: ["TermlintGlossary", "TermlintText", "TermlintTestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "TermlintCoreTests",
      dependencies: [
        "TermlintCore", "TermlintGlossary", "TermlintText", "TermlintTestSupport",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      exclude: ["Fixtures", "Reporting/Snapshots"]),
    .testTarget(
      name: "TermlintLSPTests",
      dependencies: ["TermlintLSP", "TermlintCore", "TermlintGlossary", "TermlintText"]),
    .testTarget(
      name: "TermlintCLITests",
      dependencies: [
        "TermlintCore", "TermlintGlossary", "TermlintText", "TermlintTestSupport", "termlint",
      ],
      exclude: ["Fixtures"]),
  ]
)
