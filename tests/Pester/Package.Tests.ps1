#Requires -Version 7.0
# The package installs from a gallery-style repository like any other module. build.ps1's Package task
# publishes out/repo/KonbiniApi.<version>.nupkg (the Test task runs it first when this file is part of
# the run, and passes the folder in KONBINI_TEST_REPO). Each test installs it in a fresh pwsh child
# process whose HOME, XDG folders and module path are empty temporary folders, so nothing the developer
# has installed or configured takes part, and nothing of theirs is changed.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KonbiniTest.psd1') -Force
    $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

    $script:RepoRoot = $repoRoot
    $script:Repository = if ($env:KONBINI_TEST_REPO) { $env:KONBINI_TEST_REPO } else { Join-Path $repoRoot 'out/repo' }
    $manifest = Import-PowerShellDataFile (Join-Path $repoRoot 'KonbiniApi.psd1')
    $script:Expected = @($manifest.CmdletsToExport | Sort-Object)
    $script:Package = Get-ChildItem -Path $Repository -Filter 'KonbiniApi.*.nupkg' -ErrorAction SilentlyContinue |
        Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1
    if (-not $Package) {
        throw "No KonbiniApi .nupkg in $Repository. Run 'dotnet pwsh ./build.ps1 Package' first (build.ps1 Test does it when this file is in the run)."
    }

    $script:Emulator = (Start-TestSuite).Emulator

    # Runs a script in a child pwsh inside a sandbox (New-TestSandbox) and returns the JSON object it prints last.
    function Invoke-SandboxedPwsh {
        param([Parameter(Mandatory)] [string] $Sandbox, [Parameter(Mandatory)] [string] $Script, [hashtable] $Environment = @{})
        ConvertFrom-ChildJson (Invoke-TestPwsh $Script -Sandbox $Sandbox -Environment $Environment -TimeoutSeconds 240)
    }

    # What every install test does after installing: import by name, list the commands, read help,
    # and look a user up on the emulator with the session key (nothing is stored).
    $script:UseModule = @'
$module = Import-Module -Name KonbiniApi -PassThru
$key = ConvertTo-SecureString -String 'knbn_emulator' -AsPlainText -Force
Set-KonbiniApiKey -ApiKey $key -BaseUri $env:KONBINI_PKG_EMULATOR
$user = Get-KonbiniTikTokUser -Username 'package.check'
[pscustomobject]@{
    ModuleBase = $module.ModuleBase
    Version    = "$($module.Version)"
    Commands   = @(Get-Command -Module KonbiniApi | ForEach-Object Name | Sort-Object)
    Username   = $user.Username
    UserType   = $user.GetType().FullName
    Synopsis   = "$((Get-Help Get-KonbiniTikTokUser).Synopsis)"
    About      = (Get-Help about_KonbiniApi | Out-String)
    Remaining  = (Get-KonbiniCredit).Remaining
} | ConvertTo-Json -Compress
'@
}

AfterAll {
    Stop-TestSuite
}

Describe 'The KonbiniApi package' {
    It 'is one .nupkg that carries the manifest, the dlls, the format file and the help' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($Package.FullName)
        try { $entries = @($zip.Entries | ForEach-Object FullName) } finally { $zip.Dispose() }
        foreach ($f in 'KonbiniApi.psd1', 'KonbiniApi.dll', 'KonbiniApi.Core.dll', 'KonbiniApi.Format.ps1xml',
            'en-US/KonbiniApi.dll-Help.xml', 'en-US/about_KonbiniApi.help.txt') {
            $entries | Should -Contain $f
        }
        # PowerShell's own assemblies come from the host; a private copy would break the import.
        $entries | Where-Object { $_ -match '^System\.Management\.Automation\.dll$' } | Should -BeNullOrEmpty
    }

    It 'has a manifest that passes Test-ModuleManifest, with what the Gallery shows' {
        $sandbox = New-TestSandbox
        $unpacked = Join-Path $sandbox 'KonbiniApi'
        Expand-Archive -Path $Package.FullName -DestinationPath $unpacked
        $info = Test-ModuleManifest -Path (Join-Path $unpacked 'KonbiniApi.psd1') -ErrorAction Stop
        $info.Version | Should -BeGreaterThan ([version] '0.0.0')
        @($info.ExportedCmdlets.Keys | Sort-Object) | Should -Be $Expected
        $info.CompatiblePSEditions | Should -Be @('Core', 'Desktop')
        $info.PowerShellVersion | Should -Be ([version] '5.1')
        $info.Description | Should -Not -BeNullOrEmpty
        $info.Author | Should -Not -BeNullOrEmpty
        $info.LicenseUri | Should -Not -BeNullOrEmpty
        $info.ProjectUri | Should -Not -BeNullOrEmpty
        foreach ($tag in 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS') { $info.Tags | Should -Contain $tag }
        @($info.ExportedFunctions.Keys) | Should -BeNullOrEmpty
        @($info.ExportedAliases.Keys) | Should -BeNullOrEmpty
        @($info.ExportedVariables.Keys) | Should -BeNullOrEmpty
    }
}

Describe 'Publishing leaves PSResourceGet''s settings as it found them' {
    It 'lists the same registered repositories before and after a publish, and after a publish that fails' {
        # In a sandboxed child: its own PSResourceGet settings stand in for the developer's, who already
        # has a repository of their own; then the script build.ps1 Package runs publishes twice: the built
        # module, and a copy whose manifest lacks the Description publishing requires.
        $sandbox = New-TestSandbox
        $good = Join-Path $sandbox 'good/KonbiniApi'
        $bad = Join-Path $sandbox 'bad/KonbiniApi'
        foreach ($copy in $good, $bad) {
            $null = New-Item -ItemType Directory -Force (Split-Path $copy)
            Copy-Item -Recurse (Split-Path (Get-TestModulePath)) $copy
        }
        $manifest = Join-Path $bad 'KonbiniApi.psd1'
        (Get-Content -Raw $manifest) -replace "(?m)^\s*Description\s*=.*$", '' | Set-Content -Path $manifest -Encoding utf8NoBOM
        $childScript = @'
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module Microsoft.PowerShell.PSResourceGet
$null = New-Item -ItemType Directory -Force $env:OWN_REPO
Register-PSResourceRepository -Name DevelopersOwn -Uri $env:OWN_REPO -Trusted
$list = { @(Get-PSResourceRepository | ForEach-Object { '{0} {1} {2}' -f $_.Name, $_.Uri, $_.Trusted } | Sort-Object) }
$before = & $list
$goodLog = @(& $env:PUBLISHER -ModulePath $env:GOOD_MODULE -RepositoryPath $env:PUBLISH_REPO *>&1 | ForEach-Object { "$_" })
$afterGood = & $list
$badLog = [System.Collections.Generic.List[string]]::new()
$failure = $null
try { & $env:PUBLISHER -ModulePath $env:BAD_MODULE -RepositoryPath $env:PUBLISH_REPO *>&1 | ForEach-Object { $badLog.Add("$_") } }
catch { $failure = "$_" }
[pscustomobject]@{
    Before    = $before
    AfterGood = $afterGood
    AfterBad  = & $list
    Published = @(Get-ChildItem $env:PUBLISH_REPO -Filter '*.nupkg' | ForEach-Object Name)
    GoodLog   = $goodLog -join "`n"
    BadLog    = $badLog -join "`n"
    Failure   = $failure
} | ConvertTo-Json -Compress
'@
        $result = Invoke-SandboxedPwsh -Sandbox $sandbox -Script $childScript -Environment @{
            PUBLISHER = Join-Path $RepoRoot 'tools/Publish-LocalPackage.ps1'; GOOD_MODULE = $good; BAD_MODULE = $bad
            PUBLISH_REPO = Join-Path $sandbox 'repo'; OWN_REPO = Join-Path $sandbox 'own-repo'
        }
        Write-Host ("publish: repositories before {0}, after a publish {1}, after a failed one {2}; published {3}; failure '{4}'" -f
            @($result.Before).Count, @($result.AfterGood).Count, @($result.AfterBad).Count, (@($result.Published) -join ' '), $result.Failure)

        @($result.Before -like 'DevelopersOwn *') | Should -HaveCount 1 -Because 'the stand-in developer has a repository of their own'
        @($result.Published) | Should -Contain $Package.Name -Because 'the built module was published'
        $result.GoodLog | Should -Match 'registered the PSResourceGet repository KonbiniApiBuild-\w+ for this publish'
        $result.GoodLog | Should -Match 'unregistered KonbiniApiBuild-'
        @($result.AfterGood) | Should -Be @($result.Before) -Because 'a publish unregisters the repository it registered'
        $result.Failure | Should -Match 'Publish-PSResource failed' -Because 'a manifest without a Description cannot be published'
        $result.BadLog | Should -Match 'registered the PSResourceGet repository KonbiniApiBuild-'
        $result.BadLog | Should -Match 'unregistered KonbiniApiBuild-' -Because 'the repository is unregistered when publishing fails too'
        @($result.AfterBad) | Should -Be @($result.Before) -Because 'a failed publish unregisters the repository it registered too'
    }
}

Describe 'Installing from a file repository' {
    It 'installs with Install-PSResource, imports by name and looks up a user' {
        $sandbox = New-TestSandbox
        $childScript = @'
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module Microsoft.PowerShell.PSResourceGet
Register-PSResourceRepository -Name KonbiniTest -Uri $env:KONBINI_PKG_REPO -Trusted
Install-PSResource -Name KonbiniApi -Repository KonbiniTest -Scope CurrentUser -TrustRepository -Quiet
'@ + "`n" + $UseModule
        $result = Invoke-SandboxedPwsh -Sandbox $sandbox -Script $childScript -Environment @{
            KONBINI_PKG_REPO = $Repository; KONBINI_PKG_EMULATOR = $Emulator.BaseUri
        }
        $result.ModuleBase | Should -BeLike "$sandbox*" -Because 'the module must come from the fresh install, not from elsewhere'
        @($result.Commands) | Should -Be $Expected
        $result.Username | Should -Be 'package.check'
        $result.UserType | Should -Be 'KonbiniApi.Models.TikTokUser'
        $result.Synopsis | Should -BeLike '*TikTok*'
        $result.About | Should -Match 'SHORT DESCRIPTION' -Because 'Get-Help finds about_KonbiniApi in the installed module'
        $result.Remaining | Should -BeGreaterThan 0
    }

    It 'installs with Install-Module (PowerShellGet 2), imports by name and looks up a user' {
        $sandbox = New-TestSandbox
        $childScript = @'
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module PowerShellGet -MinimumVersion 2.2.5 -MaximumVersion 2.99
Register-PSRepository -Name KonbiniTest -SourceLocation $env:KONBINI_PKG_REPO -InstallationPolicy Trusted
Install-Module -Name KonbiniApi -Repository KonbiniTest -Scope CurrentUser
'@ + "`n" + $UseModule
        $result = Invoke-SandboxedPwsh -Sandbox $sandbox -Script $childScript -Environment @{
            KONBINI_PKG_REPO = $Repository; KONBINI_PKG_EMULATOR = $Emulator.BaseUri
        }
        $result.ModuleBase | Should -BeLike "$sandbox*"
        @($result.Commands) | Should -Be $Expected
        $result.Username | Should -Be 'package.check'
        $result.Synopsis | Should -BeLike '*TikTok*'
        $result.About | Should -Match 'SHORT DESCRIPTION' -Because 'Get-Help finds about_KonbiniApi in the installed module'
    }
}

Describe 'Importing the installed module' {
    BeforeAll {
        # One install, then a separate child that only imports: the import is what is measured.
        $script:ImportBox = New-TestSandbox
        $install = @'
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Register-PSResourceRepository -Name KonbiniTest -Uri $env:KONBINI_PKG_REPO -Trusted
Install-PSResource -Name KonbiniApi -Repository KonbiniTest -Scope CurrentUser -TrustRepository -Quiet
[pscustomobject]@{ Installed = $true } | ConvertTo-Json -Compress
'@
        $null = Invoke-SandboxedPwsh -Sandbox $ImportBox -Script $install -Environment @{ KONBINI_PKG_REPO = $Repository }

        $boxHome = Join-Path $ImportBox 'home'
        $script:Before = @(Get-ChildItem -Path $boxHome -Recurse -Force -File | ForEach-Object FullName)
        # Unreachable proxies: any HTTP attempt during the import would fail rather than reach anything.
        $importScript = @'
$ErrorActionPreference = 'Stop'
$watch = [Diagnostics.Stopwatch]::StartNew()
$module = Import-Module -Name KonbiniApi -PassThru
$watch.Stop()
[pscustomobject]@{
    Milliseconds = $watch.ElapsedMilliseconds
    Cmdlets      = $module.ExportedCmdlets.Count
} | ConvertTo-Json -Compress
'@
        # The home folder is made read-only for the import (a root user is not held back by that, which
        # is why the file list is compared as well).
        if (-not $IsWindows) { & chmod -R a-w $boxHome }
        try {
            $script:Imported = Invoke-SandboxedPwsh -Sandbox $ImportBox -Script $importScript -Environment @{
                HTTP_PROXY = 'http://127.0.0.1:9'; HTTPS_PROXY = 'http://127.0.0.1:9'; ALL_PROXY = 'http://127.0.0.1:9'
            }
        }
        finally {
            if (-not $IsWindows) { & chmod -R u+w $boxHome }
        }
        $script:After = @(Get-ChildItem -Path $boxHome -Recurse -Force -File | ForEach-Object FullName)
    }

    It 'works with a read-only home and no reachable network' {
        $Imported.Cmdlets | Should -Be $Expected.Count
    }

    It 'is quick' {
        $Imported.Milliseconds | Should -BeOfType [long]
        $Imported.Milliseconds | Should -BeLessThan 3000
    }

    It 'creates no KonbiniApi configuration folder' {
        Join-Path $ImportBox 'home/.config/KonbiniApi' | Should -Not -Exist
    }

    It 'writes no file of its own' {
        # PowerShell itself may refresh its caches under .cache/powershell; anything else is new work.
        $new = $After | Where-Object { $_ -notin $Before -and $_ -notlike '*/.cache/powershell/*' }
        $new | Should -BeNullOrEmpty
    }

    It 'does no work on import: no warning, error, connection or file change, even with corrupt settings' {
        # A configuration folder holding a corrupt settings.json and a stored key, and proxies that point at
        # a local listener which records every connection made to it.
        $configHome = Join-Path $ImportBox 'lazy-config'
        $null = New-Item -ItemType Directory -Force $configHome
        Set-Content -Path (Join-Path $configHome 'settings.json') -Value '{ "retryCount": 3, this is not json' -Encoding utf8NoBOM -NoNewline
        Set-Content -Path (Join-Path $configHome 'apikey') -Value 'knbn_stored_for_lazy_import_check' -Encoding utf8NoBOM -NoNewline
        if (-not $IsWindows) { & chmod 700 $configHome; & chmod 600 (Join-Path $configHome 'apikey') (Join-Path $configHome 'settings.json') }
        $old = [DateTime]::UtcNow.AddDays(-1)
        Get-ChildItem -Force $configHome | ForEach-Object { $_.LastWriteTimeUtc = $old }
        $snapshot = { Get-ChildItem -Force $configHome | Sort-Object Name | ForEach-Object { '{0} {1} {2:o}' -f $_.Name, (Get-FileHash $_.FullName).Hash, $_.LastWriteTimeUtc } }
        $before = @(& $snapshot)

        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try {
            # The recorder works: a connection made and closed at once is still found and counted.
            $probe = [System.Net.Sockets.TcpClient]::new('127.0.0.1', $listener.LocalEndpoint.Port)
            $probe.Dispose()
            Wait-Until { $listener.Pending() } -TimeoutSeconds 2 | Should -BeTrue -Because 'the probe connection waits in the listener queue'
            $listener.AcceptTcpClient().Dispose()
            $proxy = "http://127.0.0.1:$($listener.LocalEndpoint.Port)"
            $lazyScript = @'
$ErrorActionPreference = 'Continue'
$Error.Clear()
$importRecords = @(Import-Module -Name KonbiniApi *>&1)
$importErrors = $Error.Count
$files = @(Get-ChildItem -Force $env:KONBINI_CONFIG_HOME | Sort-Object Name | ForEach-Object { '{0} {1} {2:o}' -f $_.Name, (Get-FileHash $_.FullName).Hash, $_.LastWriteTimeUtc })
$firstCall = @(Get-KonbiniConfiguration *>&1)
[pscustomobject]@{
    ImportRecords  = @($importRecords | ForEach-Object { "$($_.GetType().Name): $_" })
    ImportErrors   = $importErrors
    FilesAtImport  = $files
    Loaded         = [bool] (Get-Module KonbiniApi)
    CallWarnings   = @($firstCall | Where-Object { $_ -is [System.Management.Automation.WarningRecord] } | ForEach-Object Message)
} | ConvertTo-Json -Compress -Depth 4
'@
            # Both spellings of each proxy variable (Linux tools read either); names are case-sensitive here.
            $childEnvironment = [hashtable]::new([StringComparer]::Ordinal)
            $childEnvironment['KONBINI_CONFIG_HOME'] = $configHome
            foreach ($name in 'HTTPS_PROXY', 'HTTP_PROXY', 'ALL_PROXY', 'https_proxy', 'http_proxy', 'all_proxy') { $childEnvironment[$name] = $proxy }
            $lazy = Invoke-SandboxedPwsh -Sandbox $ImportBox -Script $lazyScript -Environment $childEnvironment
            # A connection that was made is waiting in the listener's queue even if the child closed it (and
            # the child has exited): give one still on its way 0.2 s at most to arrive.
            $null = Wait-Until { $listener.Pending() } -TimeoutSeconds 0.2
            $connections = 0
            while ($listener.Pending()) { $listener.AcceptTcpClient().Dispose(); $connections++ }
        }
        finally {
            $listener.Stop()
        }
        $after = @(& $snapshot)
        Write-Host ("lazy import: records on import {0}, errors on import {1}, proxy connections {2}, files unchanged at import {3}, after the call {4}, warnings from the first call {5}" -f
            @($lazy.ImportRecords).Count, $lazy.ImportErrors, $connections, ((@($lazy.FilesAtImport) -join '|') -eq ($before -join '|')), (($after -join '|') -eq ($before -join '|')), @($lazy.CallWarnings).Count)

        $lazy.Loaded | Should -BeTrue -Because 'Import-Module -Name KonbiniApi loaded the installed module'
        @($lazy.ImportRecords) | Should -BeNullOrEmpty -Because 'Import-Module alone writes no warning, error or other record'
        $lazy.ImportErrors | Should -Be 0
        $connections | Should -Be 0 -Because 'nothing connects anywhere, not even through the proxy'
        @($lazy.FilesAtImport) | Should -Be $before -Because 'the import neither reads-and-rewrites nor touches the configuration files'
        $after | Should -Be $before -Because 'reading the configuration does not rewrite it either'
        # The check would have fired: the first cmdlet call reads the settings and warns about them.
        @($lazy.CallWarnings) | Should -Not -BeNullOrEmpty -Because 'the corrupt settings.json is reported on first use'
        (@($lazy.CallWarnings) -join ' ') | Should -Match 'settings\.json'
    }
}
