#Requires -Version 7.0
# End-to-end tests of the CSV workflows: Get-KonbiniTikTokUser | Export-Csv writes plain values (no type
# names), Import-Csv gives the same values back, and a CSV of handles goes in and comes out as profiles.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KonbiniTest.psd1') -Force
    $script:Emulator = (Start-TestSuite -Key 'knbn_emulator').Emulator

    # Profiles with every kind of value: 64-bit counts, links, images, nulls (emu.minimal), flags, and
    # generated ones with and without a creation date.
    $script:Names = 'emu.full', 'emu.minimal', 'emu.private', 'emu.verified', 'emu.live', 'csvgen1', 'csvgen2', 'csvgen3', 'csvgen4', 'csvgen5'
}

AfterAll {
    Stop-TestSuite
}

Describe 'CSV export and import' {
    BeforeEach {
        Reset-Emulator
    }

    Context 'Export-Csv of typed users' {
        BeforeAll {
            $script:Users = @(Get-KonbiniTikTokUser $Names)
            $script:CsvPath = Join-Path $TestDrive 'users.csv'
            $Users | Export-Csv -Path $CsvPath
            $script:Rows = @(Import-Csv -Path $CsvPath)
        }

        It 'writes one row per user with every property as a column' {
            $Rows | Should -HaveCount $Names.Count
            $columns = $Rows[0].PSObject.Properties.Name
            foreach ($property in [KonbiniApi.Models.TikTokUser].GetProperties().Name) {
                $columns | Should -Contain $property
            }
        }

        It 'writes no type names in any cell' {
            foreach ($row in $Rows) {
                foreach ($cell in $row.PSObject.Properties) {
                    $cell.Value | Should -Not -Match 'System\.' -Because "$($row.Username).$($cell.Name) must hold a value"
                    $cell.Value | Should -Not -Match '\[\]' -Because "$($row.Username).$($cell.Name) must hold a value"
                    $cell.Value | Should -Not -Match 'KonbiniApi\.' -Because "$($row.Username).$($cell.Name) must hold a value"
                }
            }
        }

        It 'gives back the same text, numbers and booleans' {
            for ($i = 0; $i -lt $Users.Count; $i++) {
                $user = $Users[$i]; $row = $Rows[$i]
                $row.Username | Should -BeExactly $user.Username
                $row.DisplayName | Should -BeExactly $user.DisplayName
                $row.Bio | Should -BeExactly "$($user.Bio)"
                $row.ProfileUrl | Should -BeExactly $user.ProfileUrl
                $row.EntityId | Should -BeExactly $user.EntityId
                [long] $row.FollowerCount | Should -Be $user.FollowerCount
                [long] $row.FollowingCount | Should -Be $user.FollowingCount
                [long] $row.LikeCount | Should -Be $user.LikeCount
                [long] $row.PostCount | Should -Be $user.PostCount
                [bool]::Parse($row.IsPrivate) | Should -Be $user.IsPrivate
                [bool]::Parse($row.IsVerified) | Should -Be $user.IsVerified
                [bool]::Parse($row.IsLive) | Should -Be $user.IsLive
            }
        }

        It 'keeps a count beyond 2^31 exactly' {
            $full = $Rows | Where-Object Username -EQ 'emu.full'
            $full.LikeCount | Should -BeExactly '2600000000'
        }

        It 'writes links and images as their addresses joined by spaces' {
            for ($i = 0; $i -lt $Users.Count; $i++) {
                $Rows[$i].Links | Should -BeExactly ($Users[$i].Links.Url -join ' ')
                $Rows[$i].Images | Should -BeExactly ($Users[$i].Images.Url -join ' ')
                $Rows[$i].Avatar | Should -BeExactly "$($Users[$i].Avatar.Url)"
            }
            ($Rows | Where-Object Username -EQ 'emu.full').Links | Should -BeExactly 'https://linktr.ee/emu.full https://www.instagram.com/emu.full'
        }

        It 'writes empty cells for values the API did not give' {
            $minimal = $Rows | Where-Object Username -EQ 'emu.minimal'
            $minimal.Links | Should -BeExactly ''
            $minimal.Images | Should -BeExactly ''
            $minimal.Avatar | Should -BeExactly ''
        }

        It 'writes dates that parse back to the same moment' {
            $dated = 0
            for ($i = 0; $i -lt $Users.Count; $i++) {
                if ($null -eq $Users[$i].Created) {
                    $Rows[$i].Created | Should -BeExactly ''
                    continue
                }
                $dated++
                # Export-Csv writes a [datetime] in the current culture (PowerShell's own behaviour, not the
                # module's), so it parses back in that culture; a [datetime] cast would assume the invariant one.
                $parsed = [datetime]::Parse($Rows[$i].Created, [cultureinfo]::CurrentCulture)
                $parsed | Should -Be $Users[$i].Created
            }
            $dated | Should -BeGreaterThan 1
        }
    }

    Context 'Under another culture (de-DE)' {
        It 'looks up, exports and imports under de-DE with dates and numbers that parse back in that culture' {
            $german = [cultureinfo]::GetCultureInfo('de-DE')
            # A .NET without culture data (invariant globalization) would quietly test nothing here.
            $german.DateTimeFormat.ShortDatePattern | Should -Be 'dd.MM.yyyy'
            $path = Join-Path $TestDrive 'users-de.csv'
            $reference = @(Get-KonbiniTikTokUser $Names)
            $thread = [System.Threading.Thread]::CurrentThread
            $savedCulture = $thread.CurrentCulture
            try {
                $thread.CurrentCulture = $german
                $germanUsers = @(Get-KonbiniTikTokUser $Names)
                $germanUsers | Export-Csv -Path $path
                $germanRows = @(Import-Csv -Path $path)
                $culture = [cultureinfo]::CurrentCulture
                $culture.Name | Should -Be 'de-DE'

                $germanRows | Should -HaveCount $Names.Count
                $dated = 0
                for ($i = 0; $i -lt $germanUsers.Count; $i++) {
                    $user = $germanUsers[$i]; $row = $germanRows[$i]
                    # The lookup itself is culture-independent: the same values as under the test's own culture.
                    $user.Username | Should -BeExactly $reference[$i].Username
                    $user.FollowerCount | Should -Be $reference[$i].FollowerCount
                    $user.Created | Should -Be $reference[$i].Created

                    foreach ($count in 'FollowerCount', 'FollowingCount', 'LikeCount', 'PostCount') {
                        # No group separator (a '.' in de-DE) that would break a parse.
                        $row.$count | Should -Match '^\d+$' -Because "$($user.Username).$count is an integer count"
                        [long]::Parse($row.$count, $culture) | Should -Be $user.$count
                    }
                    if ($null -ne $user.LikedCount) { [long]::Parse($row.LikedCount, $culture) | Should -Be $user.LikedCount }
                    [bool]::Parse($row.IsPrivate) | Should -Be $user.IsPrivate

                    if ($null -eq $user.Created) {
                        $row.Created | Should -BeExactly ''
                        continue
                    }
                    $dated++
                    $row.Created | Should -Match '^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2}$' -Because 'Export-Csv writes dates in the current culture'
                    [datetime]::Parse($row.Created, $culture) | Should -Be $user.Created
                }
                $dated | Should -BeGreaterThan 1
                ($germanRows | Where-Object Username -EQ 'emu.full').LikeCount | Should -BeExactly '2600000000'
            }
            finally {
                $thread.CurrentCulture = $savedCulture
            }
        }
    }

    Context 'Round trip: CSV of handles in, profiles out' {
        It 'reads handles from a CSV, looks them up and writes a CSV that reads back in order' {
            $in = Join-Path $TestDrive 'handles.csv'
            $out = Join-Path $TestDrive 'profiles.csv'
            @(
                [pscustomobject]@{ Handle = 'tripone'; Team = 'a' }
                [pscustomobject]@{ Handle = '@triptwo'; Team = 'b' }
                [pscustomobject]@{ Handle = 'https://www.tiktok.com/@tripthree?lang=en'; Team = 'c' }
                [pscustomobject]@{ Handle = 'emu.full'; Team = 'd' }
            ) | Export-Csv -Path $in

            Import-Csv -Path $in | Get-KonbiniTikTokUser | Export-Csv -Path $out
            $rows = @(Import-Csv -Path $out)

            $rows.Username | Should -Be @('tripone', 'triptwo', 'tripthree', 'emu.full')
            $direct = @(Get-KonbiniTikTokUser 'tripone', 'triptwo', 'tripthree', 'emu.full')
            for ($i = 0; $i -lt $rows.Count; $i++) {
                $rows[$i].EntityId | Should -BeExactly $direct[$i].EntityId
                [long] $rows[$i].FollowerCount | Should -Be $direct[$i].FollowerCount
            }
            (Get-Content -Raw $out) | Should -Not -Match 'System\.'
            # One request per handle for the CSV run; the direct lookups afterwards add one each.
            (Get-EmulatorStats).totalRequests | Should -Be 8
        }

        It 'keeps going past a bad row and reports it with the row''s value as target' {
            $in = Join-Path $TestDrive 'with-bad-row.csv'
            Set-Content -Path $in -Value @('Username', 'goodrow1', 'not a handle', 'emu.notfound', 'goodrow2')
            $out = Join-Path $TestDrive 'partial.csv'
            Import-Csv -Path $in | Get-KonbiniTikTokUser -ErrorVariable problems -ErrorAction SilentlyContinue | Export-Csv -Path $out
            (Import-Csv -Path $out).Username | Should -Be @('goodrow1', 'goodrow2')
            $problems.TargetObject | Should -Be @('not a handle', 'emu.notfound')
        }
    }
}
