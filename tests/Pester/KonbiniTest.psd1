# The Pester suites' helper module: KonbiniTest.psm1 (suite setup, child pwsh, new runspaces, waits) and
# Emulator.psm1 (the emulator: start, stop, stats, request log, keys, configuration) as one import.
# Emulator.psm1 stays a module of its own as well: bench/ and tools/Demo.ps1 import it directly.
@{
    RootModule        = 'KonbiniTest.psm1'
    NestedModules     = @('Emulator.psm1')
    ModuleVersion     = '1.0.0'
    GUID              = '5d0c7e62-3b7c-4f0e-9a52-8c1f6f0d2b41'
    Author            = 'KonbiniApi contributors'
    Description       = 'Test helpers for the KonbiniApi Pester suites.'
    PowerShellVersion = '7.0'
    # Every function of both files: KonbiniTest.psm1 keeps no private ones, Emulator.psm1 exports its own.
    FunctionsToExport = '*'
    CmdletsToExport   = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}
