#Requires -Version 7.0
# Every list operation of every platform end to end against the emulator, driven by one table: the rows are
# OperationRows/<Platform>.psd1, one per platform. Each row says which cmdlet and parameter set reads a list,
# how its input names emulator scenarios (Get-ListScenario), and the endpoint's largest page. Paging ends and
# guards, -Raw, local refusals and ListedFor run for every row. CursorOnly marks a list the service pages by
# cursor alone (no count is sent, and every -PageSize is refused). What is particular to one platform lives in
# <Platform>.Operations.Tests.ps1.

BeforeDiscovery {
    $script:ListRows = @(
        foreach ($file in Get-ChildItem (Join-Path $PSScriptRoot 'OperationRows') -Filter *.psd1 | Sort-Object Name) {
            foreach ($row in (Import-PowerShellDataFile $file.FullName).Rows) {
                $defaults = @{ Extra = @{}; FixedPage = $false; FreeText = $false; EmptyAllowed = $false; CursorOnly = $false }
                foreach ($key in $defaults.Keys) { if (-not $row.ContainsKey($key)) { $row[$key] = $defaults[$key] } }
                $row.Name = "$($row.Cmdlet) -$($row.Parameter)"
                $row
            }
        }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KonbiniTest.psd1') -Force
    $script:Suite = Start-TestSuite
    $script:Emulator = $Suite.Emulator

    # Runs a row's cmdlet for one input with extra parameters.
    function script:Invoke-Row([hashtable] $Row, [string] $Value, [hashtable] $With = @{}) {
        $parameters = @{} + $Row.Extra + $With
        $parameters[$Row.Parameter] = $Value
        & $Row.Cmdlet @parameters
    }

    # The same, sorting what came out into items, warnings and errors (which a function's -WarningVariable would keep to itself).
    function script:Invoke-RowStreams([hashtable] $Row, [string] $Value, [hashtable] $With = @{}) {
        $all = @(Invoke-Row $Row $Value ($With + @{ ErrorAction = 'Continue'; WarningAction = 'Continue' }) 3>&1 2>&1)
        [pscustomobject]@{
            Items    = @($all | Where-Object { $_ -isnot [System.Management.Automation.WarningRecord] -and $_ -isnot [System.Management.Automation.ErrorRecord] })
            Warnings = @($all | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
            Errors   = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        }
    }
}

AfterAll {
    Stop-TestSuite
}

Describe 'Every list: <Name>' -ForEach $ListRows {
    BeforeEach { Reset-Emulator }

    It 'reads one page by default, at the largest page size, and says what each item was listed for' {
        $input = Get-ListScenario $Style 'list' ($Max * 3)
        $items = @(Invoke-Row $_ $input)
        $items | Should -HaveCount $Max
        $requests = Get-ApiRequests
        $requests | Should -HaveCount 1
        if ($CursorOnly) {
            # Paged by cursor alone: the service takes no count, so none is sent; Max is the platform's page.
            $requests[0].rawTarget | Should -Not -Match '[?&]count='
        }
        else {
            $requests[0].rawTarget | Should -Match "[?&]count=$Max(&|$)"
        }
        if ($Type -ne '*') { $items[0].GetType().Name | Should -Be $Type }
        $items | ForEach-Object { $_.ListedFor } | Sort-Object -Unique | Should -Be $input
    }

    It '-First reads only the pages it needs, across page boundaries' {
        $wanted = $Max + 3
        $items = @(Invoke-Row $_ (Get-ListScenario $Style 'list' ($Max * 5)) @{ First = $wanted })
        $items | Should -HaveCount $wanted
        Get-ApiRequests | Should -HaveCount 2
        Get-EmulatorCharged -Key $Suite.Key | Should -Be 2
    }

    It '-All ends exactly at the last page (N = 0, 1, a full page, one more)' {
        foreach ($n in 0, 1, $Max, ($Max + 1)) {
            Reset-Emulator
            $items = @(Invoke-Row $_ (Get-ListScenario $Style 'list' $n) @{ All = $true })
            $items | Should -HaveCount $n -Because "a list of $n items"
            $expectedPages = [Math]::Max(1, [Math]::Ceiling($n / $Max))
            Get-ApiRequests | Should -HaveCount $expectedPages -Because "$n items in pages of $Max"
        }
    }

    It '-Skip passes over items and -IncludeTotalCount writes the total first' {
        $all = @(Invoke-Row $_ (Get-ListScenario $Style 'list' 12) @{ First = 5; Skip = 2; IncludeTotalCount = $true })
        $all[0].ToString() | Should -Match 'Total count: 12'
        $all | Select-Object -Skip 1 | Should -HaveCount 5
    }

    It 'exports to CSV with every cell plain text: no type names, no System.Object[]' {
        $items = @(Invoke-Row $_ (Get-ListScenario $Style 'list' 6))
        $items | Should -HaveCount 6
        $rows = @($items | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv)
        $rows | Should -HaveCount 6
        foreach ($row in $rows) {
            foreach ($cell in $row.PSObject.Properties) {
                "$($cell.Value)" | Should -Not -Match '^(System|KonbiniApi)\.[A-Za-z.`\[\]0-9]+$' -Because "column $($cell.Name) must hold the value, not a type name"
            }
        }
        $rows[0].PSObject.Properties.Name | Should -Contain 'ListedFor'
    }

    It '-Raw writes the API items as PSCustomObjects' {
        $raw = @(Invoke-Row $_ (Get-ListScenario $Style 'list' 4) @{ Raw = $true })
        $raw | Should -HaveCount 4
        $raw[0] | Should -BeOfType [pscustomobject]
        $raw[0].type | Should -Not -BeNullOrEmpty
    }

    It 'stops with a warning when the service repeats a cursor, and pays for no page twice' {
        $out = Invoke-RowStreams $_ (Get-ListScenario $Style 'repeat') @{ All = $true }
        $items = $out.Items
        $out.Warnings | Should -HaveCount 1
        "$($out.Warnings)" | Should -Match 'a second time'
        $targets = @(Get-ApiRequests | ForEach-Object rawTarget)
        $targets | Should -HaveCount 2
        @($targets | Sort-Object -Unique) | Should -HaveCount 2 -Because 'no request may repeat'
        $items.Count | Should -Be (2 * $Max)
    }

    It 'stops with a warning after a run of empty pages that promise more' {
        $out = Invoke-RowStreams $_ (Get-ListScenario $Style 'hollow') @{ All = $true }
        "$($out.Warnings)" | Should -Match 'empty yet promised more'
        Get-ApiRequests | Should -HaveCount 4
    }

    It 'reads past one empty page that is not the last' {
        $out = Invoke-RowStreams $_ (Get-ListScenario $Style 'hole') @{ All = $true }
        $items = $out.Items
        $out.Warnings | Should -BeNullOrEmpty
        Get-ApiRequests | Should -HaveCount 3
        $items.Count | Should -BeGreaterThan $Max
    }

    It 'keeps the items before a failed page and names the cursor to go on from' {
        $input = Get-ListScenario $Style 'fail' 2
        $out = Invoke-RowStreams $_ $input @{ All = $true }
        $items = $out.Items
        $failed = $out.Errors
        $items | Should -HaveCount $Max
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.PlatformError,*'
        $cursor = $failed[0].Exception.ResumeCursor
        $cursor | Should -Not -BeNullOrEmpty
        $failed[0].Exception.Message | Should -Match ([regex]::Escape("-Cursor '$cursor'"))
        Get-EmulatorCharged -Key $Suite.Key | Should -Be 1 -Because 'the failed page and its retries were refunded'
    }

    It 'refuses a -PageSize the endpoint does not take before any request' {
        $refusedSizes = @($Max + 1) + @(if ($FixedPage -or $CursorOnly) { $Max - 1 }) + @(if ($CursorOnly) { $Max })
        foreach ($size in $refusedSizes) {
            { Invoke-Row $_ (Get-ListScenario $Style 'list' 5) @{ PageSize = $size; ErrorAction = 'Stop' } } | Should -Throw -ErrorId 'KonbiniApi.InvalidInput,*'
        }
        Get-ApiRequests | Should -HaveCount 0
    }

    It 'refuses hostile input locally: no request, no credit' -Skip:([bool] $FreeText) {
        $hostile = @('../x', 'a/b', "a`nb", '%2e%2e') + @(if (-not $EmptyAllowed) { '' })
        $refused = foreach ($value in $hostile) {
            $out = Invoke-RowStreams $_ $value
            $out.Items | Should -HaveCount 0 -Because "'$value' is refused"
            $out.Errors | Should -HaveCount 1 -Because "'$value' is refused"
            $out.Errors[0]
        }
        $refused | ForEach-Object { $_.FullyQualifiedErrorId } | Sort-Object -Unique | Should -BeLike 'KonbiniApi.InvalidInput,*'
        Get-ApiRequests | Should -HaveCount 0
    }
}
