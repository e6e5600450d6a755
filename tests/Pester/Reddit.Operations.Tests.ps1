#Requires -Version 7.0
# Reddit end to end against the emulator beyond what every list shares (that is Operations.Tests.ps1, fed by
# OperationRows/Reddit.psd1): single objects, what people paste, parameter sets, -Order and -Time checks,
# feeds, the not-paginated lists (sticky posts, rules), chains by property name, views and CSV.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'KonbiniTest.psd1') -Force
    $script:Suite = Start-TestSuite
    $script:Emulator = $Suite.Emulator

    function script:Get-ApiRequests { @(Get-EmulatorRequests | Where-Object { $_.path -like '/v1/*' }) }
}

AfterAll {
    Stop-TestSuite
}

Describe 'Reddit single objects' {
    BeforeEach { Reset-Emulator }

    It 'reads users from names, u/ forms and profile URLs, one request each' {
        $users = @(Get-KonbiniRedditUser 'spez', 'u/kn0thing', 'https://www.reddit.com/user/automoderator/')
        $users | Should -HaveCount 3
        $users[0] | Should -BeOfType ([KonbiniApi.Models.RedditUser])
        $users.Username | Should -Be 'spez', 'kn0thing', 'automoderator'
        @(Get-ApiRequests).path | Sort-Object | Should -Be '/v1/reddit/users/automoderator', '/v1/reddit/users/kn0thing', '/v1/reddit/users/spez'
    }

    It 'reads a post by t3_ ID and by URL as the same post its subreddit lists' {
        $listed = Get-KonbiniRedditPost -Subreddit programming -First 1
        $byId = Get-KonbiniRedditPost -PostId ('t3_' + $listed.PostId)
        $byUrl = Get-KonbiniRedditPost -PostId $listed.Url
        $byId.Title | Should -Be $listed.Title
        $byUrl.PostId | Should -Be $listed.PostId
        $byId.Subreddit | Should -Be 'programming'
        $byId.ListedFor | Should -BeNullOrEmpty -Because 'a lookup is not listed for anything'
    }

    It 'reads one comment from a pasted comment URL given as both post and comment' {
        $comment = Get-KonbiniRedditPost -Subreddit programming -First 1 | Get-KonbiniRedditComment -First 1
        $one = Get-KonbiniRedditComment -PostId $comment.Url -CommentId $comment.Url
        $one.CommentId | Should -Be $comment.CommentId
        $one.Text | Should -Be $comment.Text
        (Get-ApiRequests)[-1].path | Should -Be "/v1/reddit/posts/$($comment.PostId)/comments/$($comment.CommentId)"
    }

    It 'reads subreddits from r/ forms and URLs' {
        $subs = @(Get-KonbiniRedditSubreddit 'r/programming', 'https://old.reddit.com/r/rust/')
        $subs.Name | Should -Be 'programming', 'rust'
        $subs[0] | Should -BeOfType ([KonbiniApi.Models.RedditSubreddit])
    }

    It 'says what was not found, and the charge' {
        $out = @(Get-KonbiniRedditPost -PostId '9906000000000000000' -ErrorAction SilentlyContinue -ErrorVariable failed)
        $out | Should -HaveCount 0
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.NotFound,*'
        Get-EmulatorCharged -Key $Suite.Key | Should -Be 1
    }

    It 'refuses what is no Reddit identifier locally' {
        $null = Get-KonbiniRedditPost -PostId 'abc-def', 't1_abc', 'https://www.youtube.com/watch?v=1' -ErrorAction SilentlyContinue -ErrorVariable refused
        $null = Get-KonbiniRedditUser 'u/a.b' -ErrorAction SilentlyContinue -ErrorVariable +refused
        $refused | Should -HaveCount 4
        $refused | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.InvalidInput,*' }
        Get-ApiRequests | Should -HaveCount 0
    }
}

Describe 'Reddit -Order and -Time' {
    BeforeEach { Reset-Emulator }

    It 'sends the order and time window the route takes' {
        $null = Get-KonbiniRedditPost -Subreddit programming -Order Top -Time Week -First 1
        $null = Get-KonbiniRedditComment -PostId 1tlh5aj -Order Old -First 1
        $null = Search-KonbiniRedditPost rust -Time Day -First 1
        $targets = @(Get-ApiRequests).rawTarget
        $targets[0] | Should -Match 'order=top' -Because 'the order is sent'
        $targets[0] | Should -Match 'time=week'
        $targets[1] | Should -Match 'order=old'
        $targets[2] | Should -Match 'time=day' -Because 'a search takes a window with any order'
    }

    It 'refuses <Name> before any request' -ForEach @(
        @{ Name = '-Time without -Order on a subreddit'; Run = { Get-KonbiniRedditPost -Subreddit programming -Time Week } }
        @{ Name = '-Time with -Order Hot on a user'; Run = { Get-KonbiniRedditPost -Username spez -Order Hot -Time Year } }
        @{ Name = '-Order Rising on a user'; Run = { Get-KonbiniRedditPost -Username spez -Order Rising } }
        @{ Name = '-Time on the Hot feed'; Run = { Get-KonbiniRedditPost -Feed Hot -Time Day } }
        @{ Name = '-Order Best on a user''s comments'; Run = { Get-KonbiniRedditComment -Username spez -Order Best } }
        @{ Name = '-Order on one comment'; Run = { Get-KonbiniRedditComment -PostId 1tlh5aj -CommentId onflihe -Order Top } }
        @{ Name = '-Replies without -CommentId'; Run = { Get-KonbiniRedditComment -PostId 1tlh5aj -Replies } }
        @{ Name = '-Order Rising on a search'; Run = { Search-KonbiniRedditPost rust -Order Rising } }
        @{ Name = '-Time without Top on activity'; Run = { Get-KonbiniRedditActivity spez -Time All } }
    ) {
        { & $Run -ErrorAction Stop } | Should -Throw -ErrorId 'KonbiniApi.InvalidInput,*'
        Get-ApiRequests | Should -HaveCount 0
    }
}

Describe 'Reddit feeds and lists that are not paginated' {
    BeforeEach { Reset-Emulator }

    It 'reads a feed, listed for the feed' {
        $posts = @(Get-KonbiniRedditPost -Feed Top -Time Month -First 5)
        $posts | Should -HaveCount 5
        $posts.ListedFor | Sort-Object -Unique | Should -Be 'top'
        (Get-ApiRequests)[0].path | Should -Be '/v1/reddit/feeds/top'
    }

    It 'writes every sticky post and every rule from one request, and says -All does not apply' {
        $sticky = @(Get-KonbiniRedditPost -Subreddit emu_list_3 -Sticky)
        $sticky | Should -HaveCount 3
        $rules = @(Get-KonbiniRedditRule 'r/emu_list_4')
        $rules | Should -HaveCount 4
        $rules[0] | Should -BeOfType ([KonbiniApi.Models.RedditRule])
        $rules.Subreddit | Sort-Object -Unique | Should -Be 'emu_list_4'
        Get-ApiRequests | Should -HaveCount 2
        { Get-KonbiniRedditRule programming -All -ErrorAction Stop } | Should -Throw '*not paginated*'
        { Get-KonbiniRedditPost -Subreddit programming -Sticky -PageSize 5 -ErrorAction Stop } | Should -Throw '*not paginated*'
        @(Get-KonbiniRedditRule emu_list_6 -First 2 -Skip 1) | Should -HaveCount 2
    }
}

Describe 'Reddit chains by property name' {
    BeforeEach { Reset-Emulator }

    It 'subreddit -> posts -> comments -> replies' {
        $posts = @(Get-KonbiniRedditSubreddit programming | Get-KonbiniRedditPost -First 3)
        $posts.ListedFor | Sort-Object -Unique | Should -Be 'programming'
        $comments = @($posts[0] | Get-KonbiniRedditComment -First 5)
        $comments.PostId | Sort-Object -Unique | Should -Be $posts[0].PostId
        $parent = $comments | Where-Object HasReplies | Select-Object -First 1
        $replies = @($parent | Get-KonbiniRedditComment -Replies)
        $replies | Should -Not -BeNullOrEmpty
        $replies.ParentCommentId | Sort-Object -Unique | Should -Be $parent.CommentId
        $replies.ListedFor | Sort-Object -Unique | Should -Be $parent.CommentId
    }

    It 'posts -> their authors and subreddits, subreddits -> rules, users -> posts, crossposts' {
        $post = Get-KonbiniRedditPost -Subreddit rust -First 1
        ($post | Get-KonbiniRedditUser).Username | Should -Be $post.AuthorUsername
        ($post | Get-KonbiniRedditSubreddit).Name | Should -Be 'rust'
        @(Get-KonbiniRedditSubreddit rust | Get-KonbiniRedditRule) | ForEach-Object { $_.Subreddit | Should -Be 'rust' }
        $byUser = @(Search-KonbiniRedditUser spez -First 1 | Get-KonbiniRedditPost -First 2)
        $byUser | ForEach-Object { $_.AuthorUsername | Should -Be $_.ListedFor }
        $crossposts = @($post | Get-KonbiniRedditPost -Duplicates)
        $crossposts | Should -HaveCount $post.CrosspostCount
    }
}

Describe 'Reddit views and CSV' {
    BeforeEach { Reset-Emulator }

    It 'shows activity, posts and comments mixed in one table' {
        $activity = @(Get-KonbiniRedditActivity spez -First 6)
        $activity | Where-Object { $_ -is [KonbiniApi.Models.RedditPost] } | Should -Not -BeNullOrEmpty
        $activity | Where-Object { $_ -is [KonbiniApi.Models.RedditComment] } | Should -Not -BeNullOrEmpty
        $table = $activity | Format-Table | Out-String -Width 200
        @($table -split "`n" | Where-Object { $_ -match '^Kind\s+Subreddit' }) | Should -HaveCount 1 -Because 'both types share one table'
        $table | Should -Match 'Post\s'
        $table | Should -Match 'Comment\s'
    }

    It 'has a table and a list view for <Type>' -ForEach @(
        @{ Type = 'RedditUser'; Get = { Get-KonbiniRedditUser spez }; Header = 'Username\s+DisplayName\s+Karma' }
        @{ Type = 'RedditPost'; Get = { Get-KonbiniRedditPost -Subreddit rust -First 2 }; Header = 'Subreddit\s+PostId\s+Score' }
        @{ Type = 'RedditComment'; Get = { Get-KonbiniRedditComment -Subreddit rust -First 2 }; Header = 'PostId\s+CommentId\s+Score' }
        @{ Type = 'RedditSubreddit'; Get = { Get-KonbiniRedditSubreddit rust }; Header = 'Name\s+Title\s+Members' }
        @{ Type = 'RedditRule'; Get = { Get-KonbiniRedditRule emu_list_2 }; Header = 'Subreddit\s+Title\s+Description' }
    ) {
        $items = @(& $Get)
        ($items | Format-Table | Out-String -Width 200) | Should -Match $Header
        ($items | Select-Object -First 1 | Format-List | Out-String -Width 200) | Should -Match 'ListedFor|RuleId'
    }

    It 'exports posts, comments and users to CSV without nested objects' {
        foreach ($items in @(
                @(Get-KonbiniRedditPost -Subreddit programming -First 20),
                @(Get-KonbiniRedditComment -Username spez -First 20),
                @(Search-KonbiniRedditUser spez -First 5))) {
            $csv = $items | ConvertTo-Csv | Out-String
            $csv | Should -Not -Match 'System\.Object\[\]'
            $csv | Should -Not -Match 'KonbiniApi\.Models\.'
            @($csv | ConvertFrom-Csv) | Should -HaveCount $items.Count
        }
    }

    It '-Raw writes the API objects for single lookups too' {
        $raw = Get-KonbiniRedditSubreddit programming -Raw
        $raw | Should -BeOfType [pscustomobject]
        $raw.slug | Should -Be 'programming'
    }
}

Describe 'Reddit batches' {
    BeforeAll {
        Reset-Emulator
        # Real post, comment and subreddit IDs, from listings the emulator serves (so every one exists).
        $script:PostIds = @(Get-KonbiniRedditPost -Subreddit 'emu_batch_source' -First 250 -PageSize 100 | ForEach-Object PostId)
        $script:CommentIds = @(Get-KonbiniRedditComment -Subreddit 'emu_batch_source' -First 120 -PageSize 100 | ForEach-Object CommentId)
        $script:SubredditIds = @(Get-KonbiniRedditSubreddit -Name 'programming', 'rust', 'powershell' | ForEach-Object SubredditId)
        function script:Get-BatchRequests([string] $Kind) { @(Get-ApiRequests | Where-Object { $_.method -eq 'POST' -and $_.path -eq "/v1/reddit/$Kind/batch" }) }
    }

    BeforeEach { Reset-Emulator }

    It 'sends 250 post IDs as three POSTs of at most 100, writes them in input order, and charges one credit per ID' {
        $PostIds | Should -HaveCount 250
        $posts = @(Get-KonbiniRedditPost -PostId $PostIds)
        $posts | Should -HaveCount 250
        $posts[0] | Should -BeOfType ([KonbiniApi.Models.RedditPost])
        $posts.PostId | Should -Be $PostIds
        $batches = Get-BatchRequests 'posts'
        $batches | Should -HaveCount 3 -Because 'a cmdlet last in its pipeline sends full batches: 100, 100, 50'
        @(Get-ApiRequests) | Should -HaveCount 3 -Because 'no post is looked up on its own'
        Get-EmulatorCharged -Key $Suite.Key | Should -Be 250
    }

    It 'is the same post by batch as by the GET of one post' {
        $batched = @(Get-KonbiniRedditPost -PostId $PostIds[0..1])
        $single = Get-KonbiniRedditPost -PostId $PostIds[1]
        $batched[1].Title | Should -Be $single.Title
        $batched[1].Score | Should -Be $single.Score
        (Get-ApiRequests)[-1].path | Should -Be "/v1/reddit/posts/$($PostIds[1])" -Because 'one ID alone uses the GET of one post'
    }

    It 'turns an ID the batch leaves out into a NotFound error at its place, and sends a repeated ID once' {
        $ids = $PostIds[0], '9906000000000000000', ('t3_' + $PostIds[1]), $PostIds[0]
        $out = @(Get-KonbiniRedditPost -PostId $ids -ErrorAction SilentlyContinue -ErrorVariable failed)
        $out.PostId | Should -Be $PostIds[0], $PostIds[1], $PostIds[0]
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.NotFound,*'
        $failed[0].TargetObject | Should -Be '9906000000000000000'
        $sent = @((Get-BatchRequests 'posts') | ForEach-Object { ($_.body | ConvertFrom-Json).entityIds })
        @(Get-BatchRequests 'posts') | Should -HaveCount 1
        $sent | Should -Be $PostIds[0], '9906000000000000000', $PostIds[1] -Because 'a repeated ID (with or without t3_) is sent once'
        Get-EmulatorCharged -Key $Suite.Key | Should -Be 3 -Because 'three distinct IDs were submitted, one of them not found'
    }

    It 'keeps input order across batches whatever order they finish in' {
        Set-EmulatorConfig -Settings @{ latencyMs = 20; jitterMs = 60; seed = 11 }
        try {
            $posts = @($PostIds | Get-KonbiniRedditPost | Select-Object -Property PostId)
            $posts.PostId | Should -Be $PostIds
            @(Get-BatchRequests 'posts').Count | Should -BeLessThan 20 -Because 'piped IDs still go in batches'
        }
        finally { Set-EmulatorConfig -Settings @{ latencyMs = 0; jitterMs = 0 } }
    }

    It 'pays for a few IDs, not a hundred, when something downstream stops early' {
        $first = @($PostIds | Get-KonbiniRedditPost | Select-Object -First 3)
        $first | Should -HaveCount 3
        (Wait-Until -Probe { (Get-EmulatorStats).inFlight } { $_ -eq 0 }) | Should -Be 0 -Because 'cancelled requests settle before credits are counted'
        Get-EmulatorCharged -Key $Suite.Key | Should -BeLessOrEqual 8
    }

    It 'counts a batch''s IDs against -MaxCredits before it is sent, sends a smaller last batch, and lists the rest to resume' {
        $stopped = $null
        $written = [System.Collections.Generic.List[object]]::new()
        try { Get-KonbiniRedditPost -PostId $PostIds -MaxCredits 150 | ForEach-Object { $written.Add($_) } }
        catch { $stopped = $_ }
        $stopped.FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.CreditLimitReached,*'
        $written | Should -HaveCount 150
        $written.PostId | Should -Be $PostIds[0..149]
        $sizes = @((Get-BatchRequests 'posts') | ForEach-Object { @(($_.body | ConvertFrom-Json).entityIds).Count })
        ($sizes | Measure-Object -Sum).Sum | Should -Be 150
        ($sizes | Measure-Object -Maximum).Maximum | Should -BeLessOrEqual 100
        Get-EmulatorCharged -Key $Suite.Key | Should -Be 150
        $stopped.Exception.UnprocessedInputs | Should -Be $PostIds[150..249]
    }

    It 'looks comments up by ID alone in batches, and a piped comment (with its PostId) still reads itself' {
        $comments = @(Get-KonbiniRedditComment -CommentId $CommentIds)
        $comments.CommentId | Should -Be $CommentIds
        $comments[0] | Should -BeOfType ([KonbiniApi.Models.RedditComment])
        Get-BatchRequests 'comments' | Should -HaveCount 2
        Reset-Emulator
        $again = @($comments[0] | Get-KonbiniRedditComment)
        $again.CommentId | Should -Be $CommentIds[0]
        $again[0].Text | Should -Be $comments[0].Text -Because 'a comment by batch is the comment of its post'
        (Get-ApiRequests)[0].path | Should -BeLike '/v1/reddit/posts/*/comments/*' -Because 'a piped comment binds -PostId and -CommentId'
        Reset-Emulator
        $fromCsv = Join-Path $TestDrive 'comment-ids.csv'
        $CommentIds[0..2] | ForEach-Object { [pscustomobject]@{ CommentId = $_ } } | Export-Csv -Path $fromCsv -NoTypeInformation
        $byColumn = @(Get-KonbiniRedditComment -CommentId (Import-Csv $fromCsv).CommentId)
        $byColumn.CommentId | Should -Be $CommentIds[0..2]
        (Get-ApiRequests).method | Sort-Object -Unique | Should -Be 'POST'
    }

    It 'looks up the rows of a CSV with only a CommentId column by ID, piped, in batches' {
        # By value, PowerShell would bind each row's text ("@{CommentId=...}") to -PostId.
        $fromCsv = Join-Path $TestDrive 'piped-comment-ids.csv'
        $CommentIds[0..2] | ForEach-Object { [pscustomobject]@{ CommentId = $_ } } | Export-Csv -Path $fromCsv -NoTypeInformation
        $piped = @(Import-Csv $fromCsv | Get-KonbiniRedditComment -ErrorVariable failed)
        $failed | Should -BeNullOrEmpty
        $piped.CommentId | Should -Be $CommentIds[0..2]
        (Get-ApiRequests).path | Sort-Object -Unique | Should -Be '/v1/reddit/comments/batch' -Because 'piped rows are looked up by ID, in batches'
        Reset-Emulator
        $withPost = @([pscustomobject]@{ PostId = $piped[0].PostId; CommentId = $piped[0].CommentId } | Get-KonbiniRedditComment)
        $withPost.CommentId | Should -Be $CommentIds[0]
        (Get-ApiRequests)[0].path | Should -BeLike "/v1/reddit/posts/*/comments/$($CommentIds[0])" -Because 'a row with both columns reads the comment of its post'
        Reset-Emulator
        $null = [pscustomobject]@{ Other = 'x' } | Get-KonbiniRedditComment -ErrorVariable unrelated -ErrorAction SilentlyContinue
        $unrelated[0].FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.InvalidInput,*' -Because 'a row with neither column is still refused, not dropped'
        Get-ApiRequests | Should -HaveCount 0
    }

    It 'looks subreddits up by ID in one batch, and one ID alone is a batch of one' {
        $SubredditIds | Should -HaveCount 3
        $subs = @(Get-KonbiniRedditSubreddit -SubredditId $SubredditIds)
        $subs.Name | Should -Be 'programming', 'rust', 'powershell'
        Get-BatchRequests 'subreddits' | Should -HaveCount 1
        Reset-Emulator
        (Get-KonbiniRedditSubreddit -SubredditId ('t5_' + $SubredditIds[0])).Name | Should -Be 'programming'
        Get-BatchRequests 'subreddits' | Should -HaveCount 1 -Because 'subreddits have no GET by ID'
    }

    It 'refuses a malformed ID locally, at its place, without sending it' {
        $out = @(Get-KonbiniRedditPost -PostId $PostIds[0], 'not an id', $PostIds[1] -ErrorAction SilentlyContinue -ErrorVariable refused)
        $out.PostId | Should -Be $PostIds[0], $PostIds[1]
        $refused | Should -HaveCount 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'KonbiniApi.InvalidInput,*'
        $sent = @((Get-BatchRequests 'posts') | ForEach-Object { ($_.body | ConvertFrom-Json).entityIds })
        $sent | Should -Not -Contain 'not an id'
    }

    It 'refuses list parameters on lookups by ID before any request' {
        { Get-KonbiniRedditComment -CommentId $CommentIds[0] -All -ErrorAction Stop } | Should -Throw -ErrorId 'KonbiniApi.InvalidInput,*'
        { Get-KonbiniRedditComment -CommentId $CommentIds[0] -Order Top -ErrorAction Stop } | Should -Throw -ErrorId 'KonbiniApi.InvalidInput,*'
        Get-ApiRequests | Should -HaveCount 0
    }
}
