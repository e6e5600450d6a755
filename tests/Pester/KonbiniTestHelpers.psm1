<#
    Helpers shared by the module's end-to-end Pester suites (GetKonbiniTikTokUser, Csv, Errors,
    ApiKeyAndCredit). They sit on top of Emulator.psm1, which starts and inspects the emulator.

        BeforeAll {
            Import-Module (Join-Path $PSScriptRoot 'Emulator.psm1') -Force
            Import-Module (Join-Path $PSScriptRoot 'KonbiniTestHelpers.psm1') -Force
            Import-Module (Get-TestModulePath) -Force
            $null = Enter-TestConfigurationHome
            $script:Emulator = Start-TestEmulator
            Use-TestEmulator $Emulator
        }
        AfterAll {
            Stop-TestEmulator
            Exit-TestConfigurationHome
        }
#>

Set-StrictMode -Version 3.0

# The emulator's built-in key; not a secret.
$script:EmulatorKey = 'knbn_emulator'

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

function Enter-TestConfigurationHome {
    <#
    .SYNOPSIS
        Points KONBINI_CONFIG_HOME at a new empty folder, so that no saved key or configuration of the user
        running the tests leaks into new sessions, and nothing the tests save reaches the user's. Undo with
        Exit-TestConfigurationHome.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    $script:SavedConfigHome = $env:KONBINI_CONFIG_HOME
    $script:TestConfigHome = Join-Path ([IO.Path]::GetTempPath()) ('konbini-test-config-' + [guid]::NewGuid().ToString('n'))
    $null = New-Item -ItemType Directory -Path $script:TestConfigHome
    $env:KONBINI_CONFIG_HOME = $script:TestConfigHome
    return $script:TestConfigHome
}

function Exit-TestConfigurationHome {
    <# Restores KONBINI_CONFIG_HOME and removes the folder Enter-TestConfigurationHome made. #>
    [CmdletBinding()]
    param()
    $env:KONBINI_CONFIG_HOME = $script:SavedConfigHome
    if ($script:TestConfigHome -and (Test-Path $script:TestConfigHome)) {
        Remove-Item -Recurse -Force $script:TestConfigHome
    }
    $script:TestConfigHome = $null
}

function Use-TestEmulator {
    <#
        Points this runspace's KonbiniApi session at the emulator with the given key (knbn_emulator by
        default). The session outlives a test file (Pester runs every file in one runspace), so the
        settings another suite may have changed go back to their defaults too.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [object] $Emulator,
        [string] $Key = $script:EmulatorKey
    )
    if (Get-Command Set-KonbiniConfiguration -ErrorAction Ignore) {
        Set-KonbiniConfiguration -BaseUri $Emulator.BaseUri -TimeoutSec 30 -RetryCount 3 -ThrottleLimit 16 -CreditWarningThreshold 0 -NoProxy -ErrorAction Stop
    }
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
        with the built module imported, and returns { Output, Errors, Warnings, Verbose, Failure }.
        Failure is the ErrorRecord of a terminating error, or $null.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [scriptblock] $ScriptBlock,
        [object[]] $ArgumentList = @()
    )
    $ps = [powershell]::Create()
    try {
        $null = $ps.AddScript('param($m) $ErrorActionPreference = ''Stop''; Import-Module $m').AddArgument((Get-TestModulePath))
        $null = $ps.Invoke()
        if ($ps.HadErrors) { throw "Importing the module into a new runspace failed: $($ps.Streams.Error | Out-String)" }
        $ps.Commands.Clear()
        $null = $ps.AddScript($ScriptBlock.ToString())
        foreach ($a in $ArgumentList) { $null = $ps.AddArgument($a) }
        $failure = $null
        $output = $null
        try {
            $output = $ps.Invoke()
        }
        catch [System.Management.Automation.MethodInvocationException] {
            $inner = $_.Exception.InnerException
            $failure = if ($inner -is [System.Management.Automation.IContainsErrorRecord]) { $inner.ErrorRecord } else { $_ }
        }
        return [pscustomobject]@{
            Output   = @($output)
            Errors   = @($ps.Streams.Error)
            Warnings = @($ps.Streams.Warning)
            Verbose  = @($ps.Streams.Verbose)
            Failure  = $failure
        }
    }
    finally {
        $ps.Dispose()
    }
}

function Get-UserRequest {
    <# The emulator's logged requests for one username (the path compared case-insensitively). #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $Username)
    @(Get-EmulatorRequests) | Where-Object { $_.path -eq "/v1/tiktok/users/$Username" }
}

function Wait-Until {
    <# Polls a condition until it holds or the timeout passes; returns whether it held. #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)] [scriptblock] $Condition,
        [double] $TimeoutSeconds = 5,
        [int] $IntervalMilliseconds = 50
    )
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ([DateTime]::UtcNow -lt $deadline) {
        if (& $Condition) { return $true }
        Start-Sleep -Milliseconds $IntervalMilliseconds
    }
    return [bool] (& $Condition)
}

Export-ModuleMember -Function @(
    'Enter-TestConfigurationHome'
    'Exit-TestConfigurationHome'
    'ConvertTo-TestSecureString'
    'Use-TestEmulator'
    'Get-EmulatorUserData'
    'Compare-JsonValue'
    'Invoke-InNewRunspace'
    'Get-UserRequest'
    'Wait-Until'
)
