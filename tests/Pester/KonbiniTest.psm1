<#
    The one helper module of the Pester suites: import KonbiniTest.psd1, which brings this file and the
    emulator helpers of Emulator.psm1 (start, stop, stats, request log, keys) as one module. See README.md
    in this folder for a new suite's BeforeAll.

        BeforeAll {
            Import-Module (Join-Path $PSScriptRoot 'KonbiniTest.psd1') -Force
            $script:Suite = Start-TestSuite              # module imported, private config, own emulator and key
        }
        AfterAll { Stop-TestSuite }
        BeforeEach { Reset-Emulator }
#>

Set-StrictMode -Version 3.0

# The emulator's built-in key; not a secret.
$script:EmulatorKey = 'knbn_emulator'
# What Start-TestSuite changed, so Stop-TestSuite can put it back; $null when no suite is running.
$script:Suite = $null

function Import-TestModule {
    <# Imports the built module under test (Get-TestModulePath) into the global scope and returns its PSModuleInfo. #>
    [CmdletBinding()]
    param()
    $path = (Resolve-Path (Get-TestModulePath)).Path
    # -Global: imported from inside this module, it would otherwise be visible to this module only.
    return Import-Module $path -Force -Global -PassThru -ErrorAction Stop
}

function Get-TestRoot {
    <# The running suite's temporary folder (config homes, sandboxes, child scripts; removed by Stop-TestSuite). #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    if ($script:Suite) { return $script:Suite.Root }
    if (-not $script:LooseRoot) {
        $script:LooseRoot = Join-Path ([IO.Path]::GetTempPath()) ('konbini-test-' + [guid]::NewGuid().ToString('N').Substring(0, 12))
        $null = New-Item -ItemType Directory -Force $script:LooseRoot
    }
    return $script:LooseRoot
}

function Start-TestSuite {
    <#
    .SYNOPSIS
        Sets a suite up the same way every time and returns { ModulePath, Module, Emulator, BaseUri, Key,
        ConfigHome }: KONBINI_API_KEY is cleared and KONBINI_CONFIG_HOME points at a new empty folder (the
        user's own key and settings take no part, and nothing reaches them), the module under test is
        imported, an emulator is started and an account of the suite's own is created on it, and the
        session points at that emulator with that key. Stop-TestSuite undoes all of it.
    .PARAMETER EmulatorArguments
        Extra emulator arguments, e.g. '--latency-ms', '100'.
    .PARAMETER Key
        The key the session uses. By default a new one (knbn_suite_...) with -Credits credits.
    .PARAMETER NoEmulator
        Import the module and isolate the settings only (help, documentation suites).
    #>
    [CmdletBinding()]
    param(
        [string[]] $EmulatorArguments = @(),
        [string] $Key,
        [long] $Credits = 1000000,
        [switch] $NoEmulator
    )
    if ($script:Suite) { Stop-TestSuite }
    $root = Join-Path ([IO.Path]::GetTempPath()) ('konbini-suite-' + [guid]::NewGuid().ToString('N').Substring(0, 12))
    $null = New-Item -ItemType Directory -Force $root
    $script:Suite = [pscustomobject]@{
        Root          = $root
        SavedHome     = $env:KONBINI_CONFIG_HOME
        SavedApiKey   = $env:KONBINI_API_KEY
        Configuration = $null
    }
    Remove-Item Env:KONBINI_API_KEY -ErrorAction SilentlyContinue
    $configHome = New-TestConfigurationHome
    $module = Import-TestModule
    # The module's settings live as long as the process, across test files: note them to put them back.
    $script:Suite.Configuration = Get-KonbiniConfiguration

    $emulator = $null
    if (-not $NoEmulator) {
        $emulator = Start-TestEmulator -Arguments $EmulatorArguments
        if (-not $Key) { $Key = New-TestKey -Tag 'suite' -Credits $Credits -BaseUri $emulator.BaseUri }
        Use-TestEmulator $emulator -Key $Key
    }
    return [pscustomobject]@{
        ModulePath = (Resolve-Path (Get-TestModulePath)).Path
        Module     = $module
        Emulator   = $emulator
        BaseUri    = if ($emulator) { $emulator.BaseUri } else { $null }
        Key        = $Key
        ConfigHome = $configHome
    }
}

function Stop-TestSuite {
    <#
        Undoes Start-TestSuite: stops every emulator started, forgets the session key, puts the module's
        settings and KONBINI_CONFIG_HOME / KONBINI_API_KEY back, removes the suite's temporary folders.
    #>
    [CmdletBinding()]
    param()
    Stop-TestEmulator
    $suite = $script:Suite
    if (-not $suite) { return }
    if (Get-Command Remove-KonbiniApiKey -ErrorAction Ignore) { Remove-KonbiniApiKey -ErrorAction SilentlyContinue }
    $saved = $suite.Configuration
    if ($saved) {
        # -NoProxy drops -Proxy and its credential; -NoProxy:$false then goes back to the system proxy.
        Set-KonbiniConfiguration -NoProxy -BaseUri $saved.BaseUri -RetryCount $saved.RetryCount -TimeoutSec $saved.TimeoutSec -ThrottleLimit $saved.ThrottleLimit -ErrorAction SilentlyContinue
        if ($null -ne $saved.CreditWarningThreshold) { Set-KonbiniConfiguration -CreditWarningThreshold $saved.CreditWarningThreshold -ErrorAction SilentlyContinue }
        if ($saved.Proxy) { Set-KonbiniConfiguration -Proxy $saved.Proxy -ErrorAction SilentlyContinue }
        elseif (-not $saved.NoProxy) { Set-KonbiniConfiguration -NoProxy:$false -ErrorAction SilentlyContinue }
    }
    $env:KONBINI_CONFIG_HOME = $suite.SavedHome
    $env:KONBINI_API_KEY = $suite.SavedApiKey
    if (Test-Path $suite.Root) {
        # A test may have left a folder read-only.
        if (-not $IsWindows) { & chmod -R u+w $suite.Root 2>$null }
        Remove-Item -Recurse -Force $suite.Root -ErrorAction SilentlyContinue
    }
    $script:Suite = $null
}

function New-TestKey {
    <# Adds a new key (an account of its own: knbn_<Tag>_<random>) with the given credits to the emulator; returns the key. #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [string] $Tag = 'k',
        [long] $Credits = 1000,
        [string] $BaseUri
    )
    $key = 'knbn_' + $Tag + '_' + [guid]::NewGuid().ToString('N').Substring(0, 12)
    Set-EmulatorKey -Key $key -Credits $Credits -BaseUri $BaseUri
    return $key
}

function ConvertTo-TestSecureString {
    <# A SecureString for a test key (the emulator's keys are not secrets). #>
    [CmdletBinding()]
    [OutputType([securestring])]
    param([Parameter(Mandatory)] [string] $Key)
    $secure = [securestring]::new()
    foreach ($c in $Key.ToCharArray()) { $secure.AppendChar($c) }
    $secure.MakeReadOnly()
    return $secure
}

function New-TestConfigurationHome {
    <#
        Points KONBINI_CONFIG_HOME at a new folder (not created: the module makes it when it saves) inside
        the suite's temporary folder and returns its path. Start-TestSuite calls it once; a test that needs
        a fresh configuration calls it again. Stop-TestSuite puts the variable back and removes the folders.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    $path = Join-Path (Get-TestRoot) ('config-' + [guid]::NewGuid().ToString('N').Substring(0, 12))
    $env:KONBINI_CONFIG_HOME = $path
    return $path
}

function New-TestSandbox {
    <#
        A new empty home for child processes (Invoke-TestPwsh -Sandbox): the folder holds home/ (with
        .config, .local/share, .cache) and tmp/, so PowerShell's CurrentUser module path, PSResourceGet's
        and PowerShellGet's repository lists and KonbiniApi's configuration are all empty and temporary.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    $root = Join-Path (Get-TestRoot) ('sandbox-' + [guid]::NewGuid().ToString('N').Substring(0, 12))
    foreach ($sub in 'home', 'home/.config', 'home/.local/share', 'home/.cache', 'tmp') {
        $null = New-Item -ItemType Directory -Force (Join-Path $root $sub)
    }
    return $root
}

function Use-TestEmulator {
    <#
        Points this runspace's KonbiniApi session at the emulator with the given key (knbn_emulator by
        default), with the settings every suite starts from: 30 s timeout, 3 retries, throttle 16, no
        credit warning, no proxy.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [object] $Emulator,
        [string] $Key = $script:EmulatorKey
    )
    Set-KonbiniConfiguration -BaseUri $Emulator.BaseUri -TimeoutSec 30 -RetryCount 3 -ThrottleLimit 16 -CreditWarningThreshold 0 -NoProxy -ErrorAction Stop
    Set-KonbiniApiKey -ApiKey (ConvertTo-TestSecureString $Key) -BaseUri $Emulator.BaseUri -ErrorAction Stop
}

function Get-EmulatorUserData {
    <# The 'data' member the emulator serves for a user, fetched without the module, as a hashtable (ConvertFrom-Json -AsHashtable). #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Username,
        [Parameter(Mandatory)] [object] $Emulator,
        [string] $Key = $script:EmulatorKey
    )
    $response = Invoke-WebRequest -Uri "$($Emulator.BaseUri)/v1/tiktok/users/$Username" -Headers @{ Authorization = "Bearer $Key" }
    $document = $response.Content | ConvertFrom-Json -AsHashtable -Depth 20
    return $document['data']
}

function Compare-JsonValue {
    <#
    .SYNOPSIS
        Compares two values from ConvertFrom-Json -AsHashtable; returns one line per difference (none when equal).
        Objects compare by key set (order ignored), arrays element by element, numbers by value.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param($Expected, $Actual, [string] $Path = '$')
    if ($null -eq $Expected -or $null -eq $Actual) {
        if (-not ($null -eq $Expected -and $null -eq $Actual)) { "${Path}: expected '$Expected', got '$Actual'" }
        return
    }
    if ($Expected -is [System.Collections.IDictionary]) {
        if ($Actual -isnot [System.Collections.IDictionary]) { "${Path}: expected an object, got $($Actual.GetType().Name)"; return }
        foreach ($k in $Expected.Keys) {
            if (-not $Actual.Contains($k)) { "${Path}.${k}: missing"; continue }
            Compare-JsonValue $Expected[$k] $Actual[$k] "$Path.$k"
        }
        foreach ($k in $Actual.Keys) {
            if (-not $Expected.Contains($k)) { "${Path}.${k}: unexpected" }
        }
        return
    }
    if ($Expected -is [System.Collections.IList]) {
        if ($Actual -isnot [System.Collections.IList]) { "${Path}: expected an array, got $($Actual.GetType().Name)"; return }
        if ($Expected.Count -ne $Actual.Count) { "${Path}: expected $($Expected.Count) elements, got $($Actual.Count)"; return }
        for ($i = 0; $i -lt $Expected.Count; $i++) { Compare-JsonValue $Expected[$i] $Actual[$i] "$Path[$i]" }
        return
    }
    $numeric = { param($v) $v -is [long] -or $v -is [int] -or $v -is [double] -or $v -is [decimal] -or $v -is [System.Numerics.BigInteger] }
    if ((& $numeric $Expected) -and (& $numeric $Actual)) {
        if ([decimal] $Expected -ne [decimal] $Actual) { "${Path}: expected $Expected, got $Actual" }
        return
    }
    if ($Expected.GetType() -ne $Actual.GetType()) { "${Path}: expected $($Expected.GetType().Name) '$Expected', got $($Actual.GetType().Name) '$Actual'"; return }
    if ($Expected -is [datetime]) {
        if ($Expected.ToUniversalTime() -ne $Actual.ToUniversalTime()) { "${Path}: expected $($Expected.ToString('o')), got $($Actual.ToString('o'))" }
        return
    }
    if (-not $Expected.Equals($Actual)) { "${Path}: expected '$Expected', got '$Actual'" }
}

function Invoke-InNewRunspace {
    <#
    .SYNOPSIS
        Runs a script in a brand-new runspace (a fresh KonbiniApi session: no session key, empty ledger)
        with the built module imported, and returns { Output, Errors, Warnings, Verbose, Failure,
        Exception, State } (see Receive-InNewRunspace).
    .PARAMETER NoWait
        Returns at once with { PowerShell, Handle, Output }: Output fills as the script writes; stop it
        with .PowerShell.Stop() (what Ctrl+C does); Receive-InNewRunspace waits for the end, collects the
        streams and disposes of the runspace.
    .PARAMETER Emulator
        With -Key: the session in the runspace gets that key for the emulator's base URI first.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] [scriptblock] $ScriptBlock,
        [object[]] $ArgumentList = @(),
        [object] $Emulator,
        [string] $Key = $script:EmulatorKey,
        [switch] $NoWait
    )
    $ps = [powershell]::Create()
    try {
        $setup = 'param($m, $uri, $key) $ErrorActionPreference = ''Stop''; Import-Module $m; ' +
        'if ($uri) { Set-KonbiniApiKey -ApiKey (ConvertTo-SecureString $key -AsPlainText -Force) -BaseUri $uri }'
        $uri = if ($Emulator) { $Emulator.BaseUri } else { $null }
        $null = $ps.AddScript($setup).AddArgument((Get-TestModulePath)).AddArgument($uri).AddArgument($Key)
        $null = $ps.Invoke()
        if ($ps.HadErrors) { throw "Setting up the new runspace (import, key) failed: $($ps.Streams.Error | Out-String)" }
        $ps.Commands.Clear()
        $null = $ps.AddScript($ScriptBlock.ToString())
        foreach ($a in $ArgumentList) { $null = $ps.AddArgument($a) }
        $noInput = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $noInput.Complete()
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $handle = $ps.BeginInvoke($noInput, $output)
        $run = [pscustomobject]@{ PowerShell = $ps; Handle = $handle; Output = $output }
        if ($NoWait) { return $run }
    }
    catch {
        $ps.Dispose()
        throw
    }
    return Receive-InNewRunspace $run
}

function Receive-InNewRunspace {
    <#
        Waits for an Invoke-InNewRunspace -NoWait script to end and returns { Output, Errors, Warnings, Verbose,
        Failure, Exception, State }; Failure is the ErrorRecord of a terminating error (a stop included),
        Exception its exception, or both $null. Disposes of the runspace.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] [object] $Run)
    $ps = $Run.PowerShell
    try {
        $failure = $null
        $exception = $null
        try {
            $null = $ps.EndInvoke($Run.Handle)
        }
        catch [System.Management.Automation.MethodInvocationException] {
            $exception = $_.Exception.InnerException
            $failure = if ($exception -is [System.Management.Automation.IContainsErrorRecord]) { $exception.ErrorRecord } else { $_ }
        }
        return [pscustomobject]@{
            Output    = @($Run.Output)
            Errors    = @($ps.Streams.Error)
            Warnings  = @($ps.Streams.Warning)
            Verbose   = @($ps.Streams.Verbose)
            Failure   = $failure
            Exception = $exception
            State     = $ps.InvocationStateInfo.State
        }
    }
    finally {
        $ps.Dispose()
    }
}

function Get-PwshCommandLine {
    <#
        The pwsh running these tests, as a program and leading arguments: under `dotnet pwsh` the process
        is dotnet and the shell is pwsh.dll beside $PSHOME, and a child must use that same PowerShell.
    #>
    [CmdletBinding()]
    [OutputType([string[]])]
    param()
    $self = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($self) -eq 'dotnet') { return @($self, (Join-Path $PSHOME 'pwsh.dll')) }
    return @($self)
}

function Invoke-TestPwsh {
    <#
    .SYNOPSIS
        Runs a script in a new pwsh process (-NoLogo -NoProfile -NonInteractive, stdin closed so a prompt
        can never wait) and returns { ExitCode, StdOut, StdErr, Elapsed }; kills it after -TimeoutSeconds.
    .DESCRIPTION
        The child inherits this process's environment without KONBINI_API_KEY and the proxy variables
        (http_proxy, https_proxy, all_proxy, no_proxy, any case), then gets -Environment (a $null value
        removes a variable; use a case-sensitive dictionary to set both spellings of one).
    .PARAMETER ImportModule
        Starts the script with $ErrorActionPreference = 'Stop', no progress, and the module under test imported.
    .PARAMETER Sandbox
        A folder from New-TestSandbox: HOME, the XDG folders, TMPDIR and DOTNET_CLI_HOME point into it,
        and no KONBINI_* variable or PSModulePath of this process reaches the child.
    .PARAMETER Interactive
        Leaves -NonInteractive off.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] [string] $Script,
        [System.Collections.IDictionary] $Environment = @{},
        [switch] $ImportModule,
        [string] $Sandbox,
        [switch] $Interactive,
        [int] $TimeoutSeconds = 120
    )
    if ($ImportModule) {
        $Script = "`$ErrorActionPreference = 'Stop'; `$ProgressPreference = 'SilentlyContinue'`nImport-Module '$((Resolve-Path (Get-TestModulePath)).Path)'`n" + $Script
    }
    $folder = if ($Sandbox) { Join-Path $Sandbox 'tmp' } else { Get-TestRoot }
    $file = Join-Path $folder ('child-' + [guid]::NewGuid().ToString('N').Substring(0, 12) + '.ps1')
    Set-Content -Path $file -Value $Script -Encoding utf8NoBOM

    $commandLine = Get-PwshCommandLine
    $psi = [System.Diagnostics.ProcessStartInfo]::new($commandLine[0])
    $arguments = @($commandLine | Select-Object -Skip 1) + @('-NoLogo', '-NoProfile')
    if (-not $Interactive) { $arguments += '-NonInteractive' }
    foreach ($a in $arguments + @('-File', $file)) { $psi.ArgumentList.Add($a) }
    $psi.UseShellExecute = $false
    $psi.RedirectStandardInput = $true
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    foreach ($name in @($psi.Environment.Keys)) {
        if ($name -eq 'KONBINI_API_KEY' -or $name -match '^(?i)(http|https|all|no)_proxy$') { $null = $psi.Environment.Remove($name) }
    }
    if ($Sandbox) {
        foreach ($name in @($psi.Environment.Keys)) {
            if ($name -like 'KONBINI_*' -or $name -like 'XDG_*' -or $name -in 'PSModulePath', 'HOME', 'TMPDIR') { $null = $psi.Environment.Remove($name) }
        }
        $sandboxHome = Join-Path $Sandbox 'home'
        $psi.Environment['HOME'] = $sandboxHome
        $psi.Environment['XDG_CONFIG_HOME'] = Join-Path $sandboxHome '.config'
        $psi.Environment['XDG_DATA_HOME'] = Join-Path $sandboxHome '.local/share'
        $psi.Environment['XDG_CACHE_HOME'] = Join-Path $sandboxHome '.cache'
        $psi.Environment['TMPDIR'] = Join-Path $Sandbox 'tmp'
        $psi.Environment['DOTNET_CLI_HOME'] = $sandboxHome
        $psi.Environment['POWERSHELL_TELEMETRY_OPTOUT'] = '1'
        $psi.Environment['POWERSHELL_UPDATECHECK'] = 'Off'
    }
    foreach ($name in $Environment.Keys) {
        if ($null -eq $Environment[$name]) { $null = $psi.Environment.Remove($name) }
        else { $psi.Environment[$name] = [string] $Environment[$name] }
    }

    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $process = [System.Diagnostics.Process]::Start($psi)
    try {
        $process.StandardInput.Close()
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
            $process.Kill($true)
            throw "The child pwsh did not finish within $TimeoutSeconds s (a prompt?).`nstdout so far:`n$(if ($stdout.Wait(2000)) { $stdout.Result })"
        }
        $process.WaitForExit()
        return [pscustomobject]@{
            ExitCode = $process.ExitCode
            StdOut   = $stdout.Result
            StdErr   = $stderr.Result
            Elapsed  = $watch.Elapsed
        }
    }
    finally {
        $process.Dispose()
        Remove-Item -LiteralPath $file -Force -ErrorAction SilentlyContinue
    }
}

function ConvertFrom-ChildJson {
    <#
        The last line of a child's output that is a JSON object or array, converted; throws with the child's
        exit code, stdout and stderr when it failed or printed none.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] [object] $Child)
    $json = $Child.StdOut -split "`r?`n" | Where-Object { $_ -match '^\s*[\[{]' } | Select-Object -Last 1
    if ($Child.ExitCode -ne 0 -or -not $json) {
        throw "The child pwsh exited with $($Child.ExitCode) and printed $(if ($json) { 'JSON' } else { 'no JSON line' }).`nstdout:`n$($Child.StdOut)`nstderr:`n$($Child.StdErr)"
    }
    return $json | ConvertFrom-Json
}

function Get-UserRequest {
    <# The emulator's logged requests for one username (the path compared case-insensitively). #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $Username)
    @(Get-EmulatorRequests) | Where-Object { $_.path -eq "/v1/tiktok/users/$Username" }
}

function Get-ApiRequests {
    <# The emulator's logged API requests (under /v1/), leaving out its control and CDN traffic; always an array. #>
    [CmdletBinding()]
    param()
    @(Get-EmulatorRequests | Where-Object { $_.path -like '/v1/*' })
}

function Wait-Until {
    <#
    .SYNOPSIS
        Polls until a condition holds or the timeout passes; never sleeps longer than it must.
    .DESCRIPTION
        Without -Probe: runs -Condition until it returns true; returns whether it held.
        With -Probe: runs -Probe, hands its value to -Condition as $_ (and $args[0]) and returns the last
        value probed, whether or not the condition held, so that a Should on it names what was expected
        and what was got:
            (Wait-Until -Probe { (Get-EmulatorStats).inFlight } { $_ -eq 0 } -TimeoutSeconds 3) | Should -Be 0
        To check that something does NOT happen for a while, wait for the change that would fail the test:
        it returns as soon as that happens, else after the timeout with the unchanged value.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] [scriptblock] $Condition,
        [scriptblock] $Probe,
        [double] $TimeoutSeconds = 5,
        [int] $IntervalMilliseconds = 50
    )
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ($true) {
        if ($Probe) {
            $value = & $Probe
            $result = $Condition.InvokeWithContext($null, [System.Collections.Generic.List[psvariable]] @([psvariable]::new('_', $value)), @(, $value))
        }
        else {
            $result = & $Condition
        }
        $held = [System.Management.Automation.LanguagePrimitives]::IsTrue($result)
        if ($held -or [DateTime]::UtcNow -ge $deadline) { break }
        Start-Sleep -Milliseconds $IntervalMilliseconds
    }
    # One object, however many it holds, so that an empty or one-element array comes back as it was.
    if ($Probe) { return (Write-Output -NoEnumerate $value) }
    return $held
}

function Wait-EmulatorStats {
    <#
        Wait-Until for the emulator's stats: polls GET /_emulator/stats until -Condition holds for them ($_)
        or the timeout passes, and returns the last stats.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] [scriptblock] $Condition,
        [double] $TimeoutSeconds = 5,
        [Parameter(ValueFromPipelineByPropertyName)] [string] $BaseUri
    )
    Wait-Until -Probe { Get-EmulatorStats -BaseUri $BaseUri }.GetNewClosure() -Condition $Condition -TimeoutSeconds $TimeoutSeconds
}

<#
.SYNOPSIS
The input that names an emulator list scenario in one naming style: a list of exactly N items, or a scripted
misbehaviour (a repeated cursor, a run of empty pages, one empty page, a failure at page N, not found).
.DESCRIPTION
Styles follow what each identifier may contain: 'dot' (emu.list.N, for names with dots), 'underscore'
(emu_list_N), 'dash' (emu-list-N) and 'id' (19 digits: 99, a two-digit scenario code, N in 15 digits).
#>
function Get-ListScenario {
    param(
        [Parameter(Mandatory)] [ValidateSet('dot', 'underscore', 'dash', 'id')] [string] $Style,
        [Parameter(Mandatory)] [ValidateSet('list', 'repeat', 'hollow', 'hole', 'fail', 'notfound')] [string] $Scenario,
        [long] $N = 0
    )
    if ($Style -eq 'id') {
        $code = @{ list = '00'; repeat = '02'; hole = '03'; hollow = '04'; fail = '05'; notfound = '06' }[$Scenario]
        return '99' + $code + $N.ToString('D15')
    }
    $separator = @{ dot = '.'; underscore = '_'; dash = '-' }[$Style]
    $words = switch ($Scenario) {
        'list' { 'emu', 'list', $N }
        'fail' { 'emu', 'page', 'fail', $N }
        'notfound' { 'emu', 'notfound' }
        default { 'emu', 'page', $Scenario }
    }
    $words -join $separator
}
