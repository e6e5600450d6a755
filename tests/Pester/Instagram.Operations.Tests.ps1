#Requires -Version 7.0
# Instagram end to end against the emulator beyond what every list shares (that is Operations.Tests.ps1, fed
# by OperationRows/Instagram.psd1): single objects, parameter sets, the highlight stories that come whole,
# chains by property name, CSV export and the views.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KonbiniTest.psd1') -Force
    $script:Suite = Start-TestSuite
    $script:Emulator = $Suite.Emulator
}

AfterAll {
    Stop-TestSuite
}

Describe 'Instagram single objects' {
    BeforeEach { Reset-Emulator }

    It '<Cmdlet> writes a <Type> for <Note>' -ForEach @(
        @{ Cmdlet = 'Get-KonbiniInstagramUser'; Parameters = @{ Username = '@harbour.noodles' }; Type = 'InstagramUser'; Note = 'an @name'; Path = '/v1/instagram/users/harbour.noodles' }
        @{ Cmdlet = 'Get-KonbiniInstagramUser'; Parameters = @{ Username = 'https://www.instagram.com/harbour.noodles/?hl=en' }; Type = 'InstagramUser'; Note = 'a profile URL'; Path = '/v1/instagram/users/harbour.noodles' }
        @{ Cmdlet = 'Get-KonbiniInstagramPost'; Parameters = @{ PostId = 'DVRYDo-Cjw3' }; Type = 'InstagramPost'; Note = 'a shortcode'; Path = '/v1/instagram/posts/DVRYDo-Cjw3' }
        @{ Cmdlet = 'Get-KonbiniInstagramPost'; Parameters = @{ PostId = 'https://www.instagram.com/p/DVRYDo-Cjw3/' }; Type = 'InstagramPost'; Note = 'a /p/ URL'; Path = '/v1/instagram/posts/DVRYDo-Cjw3' }
        @{ Cmdlet = 'Get-KonbiniInstagramPost'; Parameters = @{ PostId = 'https://www.instagram.com/reel/DVRYDo-Cjw3/?igsh=x' }; Type = 'InstagramPost'; Note = 'a /reel/ URL'; Path = '/v1/instagram/posts/DVRYDo-Cjw3' }
    ) {
        $result = @(& $Cmdlet @Parameters)
        $result | Should -HaveCount 1
        $result[0].GetType().Name | Should -Be $Type
        $requests = Get-ApiRequests
        $requests | Should -HaveCount 1
        $requests[0].path | Should -Be $Path
    }

    It 'a post listed for a user is the same post by shortcode, with the same comment count' {
        $listed = Get-KonbiniInstagramPost -Username 'luna.rivera42' -First 1
        $listed.ListedFor | Should -Be 'luna.rivera42'
        $byCode = Get-KonbiniInstagramPost -PostId $listed.PostId
        $byCode.AuthorUsername | Should -Be 'luna.rivera42'
        $byCode.Caption | Should -Be $listed.Caption
        $byCode.LikeCount | Should -Be $listed.LikeCount
        $byCode.CommentCount | Should -Be $listed.CommentCount
        $byCode.ListedFor | Should -BeNullOrEmpty -Because 'a lookup is not a list'
        $comments = @(Get-KonbiniInstagramComment -PostId 'emu_list_20' -All)
        $comments | Should -HaveCount (Get-KonbiniInstagramPost -PostId 'emu_list_20').CommentCount
    }

    It 'a missing post is a NotFound error charged one credit; a bad shortcode is refused for nothing' {
        $null = Get-KonbiniInstagramPost -PostId 'emu_notfound', 'not/a/code', 'https://www.instagram.com/harbour/' -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 3
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.NotFound,*'
        $failed[1].FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.InvalidInput,*'
        $failed[2].Exception.Message | Should -Match 'not a post or reel address'
        Get-ApiRequests | Should -HaveCount 1
        Get-EmulatorCharged -Key $Suite.Key | Should -Be 1
    }

    It 'a profile that breaks the contract is an InvalidResponse error that names the member' {
        $null = Get-KonbiniInstagramUser -Username 'emu.missing', 'emu.wrongtypes' -ErrorVariable broken -ErrorAction SilentlyContinue
        $broken | Should -HaveCount 2
        $broken[0].FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.InvalidResponse,*'
        $broken[0].Exception.Message | Should -Match 'data\.preferredUsername'
        $broken[1].Exception.Message | Should -Match 'data\.followerCount'
    }

    It 'refuses list parameters for a lookup, and an all-digit username' {
        { Get-KonbiniInstagramPost -PostId 'DVRYDo-Cjw3' -All -ErrorAction Stop } | Should -Throw -ErrorId 'KonbiniApi.InvalidInput,*'
        $null = Get-KonbiniInstagramUser -Username '779085683' -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].Exception.Message | Should -Match 'numeric ID'
        Get-ApiRequests | Should -HaveCount 0
    }

    It 'fixed pages refuse every other -PageSize, and highlights refuse -PageSize altogether' {
        { Get-KonbiniInstagramComment -PostId 'DVRYDo-Cjw3' -PageSize 10 -ErrorAction Stop } | Should -Throw '*fixes its page size at 15*'
        { Get-KonbiniInstagramPost -LocationId '212999109' -PageSize 20 -ErrorAction Stop } | Should -Throw '*fixes its page size at 21*'
        { Get-KonbiniInstagramHighlight -Username 'harbour.noodles' -PageSize 5 -ErrorAction Stop } | Should -Throw '*does not apply*'
        $reels = @(Get-KonbiniInstagramReel -Username 'emu.list.30' -PageSize 5)
        $reels | Should -HaveCount 5
        Get-ApiRequests | Should -HaveCount 1
    }
}

Describe 'Instagram highlights and their stories' {
    BeforeEach { Reset-Emulator }

    It 'highlights pipe into Get-KonbiniInstagramStory by HighlightId, each story saying which highlight it came from' {
        $highlights = @(Get-KonbiniInstagramHighlight -Username 'emu.list.3')
        $highlights | Should -HaveCount 3
        $highlights[0].HighlightId | Should -BeLike 'highlight:*'
        $stories = @($highlights | Get-KonbiniInstagramStory)
        $stories.Count | Should -Be ($highlights | Measure-Object StoryCount -Sum).Sum
        $ids = $highlights.HighlightId | ForEach-Object { $_ -replace '^highlight:' }
        @($stories.ListedFor | Select-Object -Unique) | Should -Be $ids
        $stories[0].HighlightId | Should -Be $ids[0]
        $stories[0].AuthorUsername | Should -Be 'emu.list.3'
        Get-ApiRequests | Should -HaveCount 4
    }

    It 'stories come whole: -First and -Skip choose among them, -All, -PageSize and -Cursor say they do not apply' {
        $id = '9900000000000000009'
        @(Get-KonbiniInstagramStory -HighlightId $id -First 4 -Skip 2) | Should -HaveCount 4
        @(Get-KonbiniInstagramStory -HighlightId "https://www.instagram.com/stories/highlights/$id/") | Should -HaveCount 9
        foreach ($extra in @{ All = $true }, @{ PageSize = 5 }, @{ Cursor = 'abc' }) {
            { Get-KonbiniInstagramStory -HighlightId $id @extra -ErrorAction Stop } | Should -Throw '*not paginated*'
        }
        Get-ApiRequests | Should -HaveCount 2
    }

    It 'a missing highlight is a NotFound error charged one credit' {
        $null = Get-KonbiniInstagramStory -HighlightId '9906000000000000000' -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.NotFound,*'
        $missing[0].Exception.Message | Should -Match 'There is no Instagram highlight 9906000000000000000'
        Get-EmulatorCharged -Key $Suite.Key | Should -Be 1
    }
}

Describe 'Instagram chains by property name' {
    BeforeEach { Reset-Emulator }

    It 'user | posts -First 3, user | reels, and posts | comments' {
        $user = Get-KonbiniInstagramUser -Username 'luna.rivera42'
        $posts = @($user | Get-KonbiniInstagramPost -First 3)
        $posts | Should -HaveCount 3
        $posts.ListedFor | Select-Object -Unique | Should -Be 'luna.rivera42'
        @($user | Get-KonbiniInstagramReel -First 2).ContentFormat | Select-Object -Unique | Should -Be 'reel'
        $comments = @($posts | Get-KonbiniInstagramComment -First 2)
        $comments.Count | Should -BeGreaterThan 0
        $comments[0].PostId | Should -Be $posts[0].PostId
        $comments[0].ListedFor | Should -Be $posts[0].PostId
    }

    It 'search results | comments, and a user looked up from a post author' {
        $found = @(Search-KonbiniInstagram -Query 'music' -First 2)
        $found | Should -HaveCount 2
        $found.ListedFor | Select-Object -Unique | Should -Be 'music'
        $found[0].GetType().Name | Should -Be 'InstagramPost'
        $null = @($found | Get-KonbiniInstagramComment -First 1)
        $author = $found[0].AuthorUsername | Get-KonbiniInstagramUser
        $author.Username | Should -Be $found[0].AuthorUsername
    }

    It 'tagged posts and location posts say what they were listed for' {
        $tagged = @(Get-KonbiniInstagramPost -TaggedUser 'mika_sato7' -First 2)
        $tagged.ListedFor | Select-Object -Unique | Should -Be 'mika_sato7'
        $tagged[0].Tags.Name | Should -Contain 'mika_sato7'
        $located = @(Get-KonbiniInstagramPost -LocationId 'https://www.instagram.com/explore/locations/212999109/la/' -First 2)
        $located.ListedFor | Select-Object -Unique | Should -Be '212999109'
        $located[0].Place.LocationId | Should -Be '212999109'
    }

    It 'Import-Csv with PostId and Username columns' {
        $csv = Join-Path $TestDrive 'in.csv'
        "PostId,Username`nemu_list_3,luna.rivera42`n" | Set-Content -Path $csv
        @(Import-Csv $csv | Get-KonbiniInstagramComment) | Should -HaveCount 3
        @(Import-Csv $csv | Get-KonbiniInstagramUser).Username | Should -Be 'luna.rivera42'
    }
}

Describe 'Instagram output' {
    BeforeEach { Reset-Emulator }

    It 'posts, comments, highlights and stories export to CSV without type names or System.Object[]' {
        $path = Join-Path $TestDrive 'ig.csv'
        $objects = @(
            Get-KonbiniInstagramPost -Username 'luna.rivera42' -First 6
            Get-KonbiniInstagramComment -PostId 'emu_list_3'
            Get-KonbiniInstagramHighlight -Username 'emu.list.2'
            Get-KonbiniInstagramStory -HighlightId '9900000000000000002'
            Get-KonbiniInstagramUser -Username 'emu.full'
        )
        foreach ($group in $objects | Group-Object { $_.GetType().Name }) {
            $group.Group | Export-Csv -Path $path -NoTypeInformation
            $text = Get-Content -Raw $path
            $text | Should -Not -Match 'System\.Object\[\]' -Because "$($group.Name) exports flat"
            $text | Should -Not -Match 'KonbiniApi\.Models\.' -Because "$($group.Name) exports values, not type names"
        }
    }

    It 'each type has a table and a list view' -ForEach @('InstagramUser', 'InstagramPost', 'InstagramComment', 'InstagramHighlight', 'InstagramStory') {
        $views = @(Get-FormatData -TypeName "KonbiniApi.Models.$_" -PowerShellVersion $PSVersionTable.PSVersion)
        $controls = $views.FormatViewDefinition | ForEach-Object { $_.Control.GetType().Name }
        $controls | Should -Contain 'TableControl'
        $controls | Should -Contain 'ListControl'
    }

    It 'the post table shows author, kind and counts' {
        $text = Get-KonbiniInstagramPost -Username 'luna.rivera42' -First 2 | Out-String -Width 200
        $text | Should -Match 'Author'
        $text | Should -Match 'luna\.rivera42'
        $text | Should -Not -Match 'KonbiniApi\.Models'
    }

    It '-Raw writes the API objects for a lookup and for the whole story list' {
        (Get-KonbiniInstagramUser -Username 'luna.rivera42' -Raw).preferredUsername | Should -Be 'luna.rivera42'
        $raw = @(Get-KonbiniInstagramStory -HighlightId '9900000000000000003' -Raw)
        $raw | Should -HaveCount 3
        $raw[0] | Should -BeOfType [pscustomobject]
    }
}
