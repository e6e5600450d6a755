#Requires -Version 7.0
# X (Twitter) end to end against the emulator beyond what every list shares (that is Operations.Tests.ps1, fed
# by OperationRows/X.psd1): single objects, what people paste, parameter sets, chains by property name, CSV
# export and views.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KonbiniTest.psd1') -Force
    $script:Suite = Start-TestSuite
    $script:Emulator = $Suite.Emulator
    $script:Community = '1669501013441806336'
}

AfterAll {
    Stop-TestSuite
}

Describe 'X single objects' {
    BeforeEach { Reset-Emulator }

    It 'reads a handle however it is pasted, and looks a repeated one up once' {
        $users = @(Get-KonbiniXUser -Username 'KhabyLame', '@khabylame', 'https://mobile.twitter.com/KhabyLame?s=20', 'x.com/KhabyLame/status/1')
        $users | Should -HaveCount 4
        $users[0] | Should -BeOfType ([KonbiniApi.Models.XUser])
        $users.Username | Sort-Object -Unique | Should -Be 'khabylame'
        $users[0].UserId | Should -Match '^\d+$'
        $users[0].ProfileUrl | Should -Be 'https://x.com/khabylame'
        Get-ApiRequests | Should -HaveCount 1
        (Get-ApiRequests)[0].rawTarget | Should -Be '/v1/x/users/KhabyLame'
    }

    It 'refuses what cannot be an X handle before any request, and goes on with the rest' {
        $users = @(Get-KonbiniXUser -Username 'khaby.lame', 'abcdefghijklmnop', 'https://www.tiktok.com/@khaby.lame', 'nasa' -ErrorVariable refused -ErrorAction SilentlyContinue)
        $users.Username | Should -Be 'nasa'
        $refused | Should -HaveCount 3
        $refused.FullyQualifiedErrorId | Sort-Object -Unique | Should -BeLike 'KonbiniApi.InvalidInput,*'
        "$($refused[1])" | Should -Match 'at most 15'
        Get-ApiRequests | Should -HaveCount 1
    }

    It 'looks a post up by ID or by its x.com or twitter.com address' {
        $listed = Get-KonbiniXPost -Username 'KhabyLame' -First 1
        $posts = @(Get-KonbiniXPost -PostId $listed.PostId, "https://twitter.com/KhabyLame/status/$($listed.PostId)?s=20", "https://x.com/i/web/status/$($listed.PostId)")
        $posts | Should -HaveCount 3
        $posts[0] | Should -BeOfType ([KonbiniApi.Models.XPost])
        $posts.PostId | Sort-Object -Unique | Should -Be $listed.PostId
        $posts[0].Text | Should -Be $listed.Text
        $posts[0].ViewCount | Should -Be $listed.ViewCount
        $posts[0].AuthorUsername | Should -Be 'khabylame'
        $posts[0].ListedFor | Should -BeNullOrEmpty -Because 'a post looked up by ID was not listed for anything'
    }

    It 'looks a community up by ID or address' {
        $group = Get-KonbiniXCommunity -CommunityId "https://x.com/i/communities/$Community"
        $group | Should -BeOfType ([KonbiniApi.Models.XCommunity])
        $group.CommunityId | Should -Be $Community
        $group.Name | Should -Not -BeNullOrEmpty
        $group.MemberCount | Should -BeGreaterThan 0
        $group.CreatorUsername | Should -Not -BeNullOrEmpty
    }

    It 'reports a post, a community and a user that do not exist as NotFound, one credit each' {
        $null = Get-KonbiniXPost -PostId '9906000000000000000' -ErrorVariable missing -ErrorAction SilentlyContinue
        $null = Get-KonbiniXCommunity -CommunityId '9906000000000000001' -ErrorVariable +missing -ErrorAction SilentlyContinue
        $null = Get-KonbiniXUser -Username 'emu_notfound' -ErrorVariable +missing -ErrorAction SilentlyContinue
        $missing | Should -HaveCount 3
        $missing.FullyQualifiedErrorId | Sort-Object -Unique | Should -BeLike 'KonbiniApi.NotFound,*'
        Get-EmulatorCharged -Key $Suite.Key | Should -Be 3
    }

    It 'reports a profile that breaks the contract as InvalidResponse, naming the member' {
        $null = Get-KonbiniXUser -Username 'emu_missing', 'emu_wrongtypes' -ErrorVariable broken -ErrorAction SilentlyContinue
        $broken | Should -HaveCount 2
        $broken.FullyQualifiedErrorId | Sort-Object -Unique | Should -BeLike 'KonbiniApi.InvalidResponse*'
        "$($broken[0])" | Should -Match 'preferredUsername'
        "$($broken[1])" | Should -Match 'followerCount'
    }

    It 'retries what the service refunds, and stops at a fault that does not pass' {
        $user = Get-KonbiniXUser -Username 'emu_retry_2_a'
        $user.Username | Should -Be 'emu_retry_2_a'
        $null = Get-KonbiniXPost -HighlightedBy 'emu_fault_500' -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        Get-EmulatorCharged -Key $Suite.Key | Should -Be 1 -Because 'the failed attempts were refunded'
        @(Get-ApiRequests).Count | Should -BeGreaterThan 4
    }

    It 'writes the API JSON with -Raw' {
        $raw = Get-KonbiniXCommunity -CommunityId $Community -Raw
        $raw | Should -BeOfType [pscustomobject]
        $raw.type | Should -Be 'Group'
        $raw.entityId | Should -Be $Community
    }
}

Describe 'Get-KonbiniXPost parameter sets' {
    BeforeEach { Reset-Emulator }

    It 'reads a user''s posts by cursor alone: no count is sent, and -All follows the cursor' {
        $posts = @(Get-KonbiniXPost -Username 'emu_list_45' -All)
        $posts | Should -HaveCount 45
        $targets = @(Get-ApiRequests | ForEach-Object rawTarget)
        $targets | Should -HaveCount 3
        $targets[0] | Should -Be '/v1/x/users/emu_list_45/posts'
        $targets | Should -Not -Match 'count='
        $targets[1] | Should -Match '^/v1/x/users/emu_list_45/posts\?cursor='
    }

    It 'says -PageSize does not apply to a user''s posts, before any request' {
        { Get-KonbiniXPost -Username 'KhabyLame' -PageSize 20 -ErrorAction Stop } | Should -Throw -ErrorId 'KonbiniApi.InvalidInput,*'
        try { Get-KonbiniXPost -Username 'KhabyLame' -PageSize 20 -ErrorAction Stop } catch { "$_" | Should -Match 'does not apply' }
        Get-ApiRequests | Should -HaveCount 0
    }

    It 'reads highlights and community lists at up to 100 per page' {
        $null = Get-KonbiniXPost -HighlightedBy 'KhabyLame'
        $null = Get-KonbiniXPost -CommunityId $Community -PageSize 7
        $null = Get-KonbiniXPost -CommunityId $Community -MediaOnly
        $targets = @(Get-ApiRequests | ForEach-Object rawTarget)
        $targets | Should -Be "/v1/x/users/KhabyLame/highlights?count=100", "/v1/x/communities/$Community/posts?count=7", "/v1/x/communities/$Community/media?count=100"
    }

    It 'highlights are the user''s own posts' {
        $highlights = @(Get-KonbiniXPost -HighlightedBy 'emu_list_30' -All)
        $highlights | Should -HaveCount 30
        $highlights.AuthorUsername | Sort-Object -Unique | Should -Be 'emu_list_30'
        $highlights.ListedFor | Sort-Object -Unique | Should -Be 'emu_list_30'
    }

    It '-MediaOnly lists only posts with photos or video, and every post says its community' {
        $media = @(Get-KonbiniXPost -CommunityId $Community -MediaOnly -First 30)
        $media | Should -HaveCount 30
        $media.HasMedia | Sort-Object -Unique | Should -Be $true
        $media.CommunityId | Sort-Object -Unique | Should -Be $Community
        $media.ListedFor | Sort-Object -Unique | Should -Be $Community
    }

    It 'refuses list parameters for a post looked up by ID' {
        { Get-KonbiniXPost -PostId '2024515585569083437' -All -ErrorAction Stop } | Should -Throw -ErrorId 'KonbiniApi.InvalidInput,*'
        Get-ApiRequests | Should -HaveCount 0
    }

    It '-MediaOnly belongs to the community set only' {
        { Get-KonbiniXPost -Username 'KhabyLame' -MediaOnly -ErrorAction Stop } | Should -Throw -ErrorId 'AmbiguousParameterSet,*'
    }
}

Describe 'X chains by property name' {
    BeforeEach { Reset-Emulator }

    It 'user | posts -First 5' {
        $posts = @(Get-KonbiniXUser 'KhabyLame' | Get-KonbiniXPost -First 5)
        $posts | Should -HaveCount 5
        $posts.ListedFor | Sort-Object -Unique | Should -Be 'khabylame'
        (Get-ApiRequests)[1].rawTarget | Should -Be '/v1/x/users/khabylame/posts'
    }

    It 'posts | posts (by PostId) and posts | users (by AuthorUsername)' {
        $listed = @(Get-KonbiniXPost -CommunityId $Community -First 3)
        $again = @($listed | Get-KonbiniXPost)
        $again.PostId | Should -Be $listed.PostId
        $authors = @($listed | Get-KonbiniXUser)
        $authors | Should -HaveCount 3
        $authors.Username | Should -Be $listed.AuthorUsername
        $authors[0].UserId | Should -Be $listed[0].Author.UserId
    }

    It 'community | posts, posts | community, community | creator' {
        $group = Get-KonbiniXCommunity $Community
        $posts = @($group | Get-KonbiniXPost -First 2 -MediaOnly)
        $posts | Should -HaveCount 2
        $back = @($posts | Get-KonbiniXCommunity)
        $back.CommunityId | Sort-Object -Unique | Should -Be $Community
        ($group | Get-KonbiniXUser).Username | Should -Be $group.CreatorUsername
    }

    It 'Import-Csv with Username, PostId and CommunityId columns' {
        $csv = Join-Path $TestDrive 'x.csv'
        [pscustomobject]@{ Username = '@KhabyLame' } | Export-Csv -Path $csv -NoTypeInformation
        @(Import-Csv $csv | Get-KonbiniXPost -First 2) | Should -HaveCount 2
        [pscustomobject]@{ PostId = '2024515585569083437' } | Export-Csv -Path $csv -NoTypeInformation
        @(Import-Csv $csv | Get-KonbiniXPost) | Should -HaveCount 1
        [pscustomobject]@{ CommunityId = $Community } | Export-Csv -Path $csv -NoTypeInformation
        @(Import-Csv $csv | Get-KonbiniXCommunity) | Should -HaveCount 1
    }
}

Describe 'X output for people and files' {
    BeforeEach { Reset-Emulator }

    It 'exports users, posts and communities to CSV without type names or System.Object[]' {
        $csv = Join-Path $TestDrive 'x-out.csv'
        $posts = @(Get-KonbiniXPost -CommunityId $Community -First 40)
        foreach ($objects in @(@(Get-KonbiniXUser 'emu_full', 'KhabyLame'), $posts, @(Get-KonbiniXCommunity $Community))) {
            $objects | Export-Csv -Path $csv -NoTypeInformation
            $text = Get-Content -Raw $csv
            $text | Should -Not -Match 'System\.|KonbiniApi\.Models|\[\]'
        }

        $posts | Export-Csv -Path $csv -NoTypeInformation
        $rows = @(Import-Csv $csv)
        $rows[0].PostId | Should -Be $posts[0].PostId
        $rows[0].Author | Should -Be "@$($posts[0].AuthorUsername)"
        $withMedia = $posts | Where-Object HasMedia | Select-Object -First 1
        ($rows | Where-Object PostId -EQ $withMedia.PostId).Attachments | Should -BeLike 'https://*'
    }

    It 'shows users, posts and communities as tables and lists' {
        $table = Get-KonbiniXUser 'KhabyLame' | Format-Table | Out-String -Width 200
        $table | Should -Match 'Username\s+DisplayName\s+Followers'
        $table = Get-KonbiniXPost -Username 'KhabyLame' -First 2 | Format-Table | Out-String -Width 200
        $table | Should -Match 'Author\s+Published\s+Views\s+Likes'
        $table | Should -Match 'khabylame'
        $table = Get-KonbiniXCommunity $Community | Format-Table | Out-String -Width 200
        $table | Should -Match 'CommunityId\s+Name\s+Members'
        $list = Get-KonbiniXPost -Username 'KhabyLame' -First 1 | Format-List | Out-String -Width 200
        $list | Should -Match 'PostId\s+:'
        $list | Should -Match 'ListedFor\s+:\s+KhabyLame'
    }

    It 'lists every property of <_> in its list view' -ForEach 'XUser', 'XPost', 'XCommunity' {
        $typeName = $_
        $object = switch ($typeName) {
            'XUser' { Get-KonbiniXUser 'emu_full' }
            'XPost' { Get-KonbiniXPost -CommunityId $Community -First 1 }
            'XCommunity' { Get-KonbiniXCommunity $Community }
        }
        $list = $object | Format-List | Out-String -Width 300
        foreach ($property in ([type] "KonbiniApi.Models.$typeName").GetProperties().Name) {
            $list | Should -Match "(?m)^$property\s+:" -Because "the $typeName list view should show $property"
        }
    }
}
