// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Termlint",
  products: [
    .executable(name: "termlint", targets: ["termlint"]),
    .library(name: "TermlintCore", targets: ["TermlintCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
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
    .target(
      name: "TermlintCore",
      dependencies: ["CICUShim", "CHunspellShim", .product(name: "Yams", package: "Yams")]
    ),
    .executableTarget(
      name: "termlint",
      dependencies: ["TermlintCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    .testTarget(name: "TermlintCoreTests", dependencies: ["TermlintCore"], exclude: ["Fixtures", "Reporting/Snapshots"]),
    .testTarget(name: "TermlintCLITests", dependencies: ["TermlintCore", "termlint"], exclude: ["Fixtures"]),
  ]
)
