namespace UnsyncMigrate.Translation.Tests;

// Comparisons, sorted/min/max with key and reverse.
// Expected output: what CPython 3.13 printed for each snippet.
public partial class ConstructTests
{
    static readonly Snippet[] Ordering =
    [
        new(nameof(Comparisons_ChainedAndMixed), """
            x = 5
            print(1 < x <= 5, 1 < x < 5, 1 == 1.0, 2 > 1.5, 'abc' < 'abd', 'Z' < 'a')
            print((1, 2) < (1, 3), [1, 2] < [1, 2, 0], (1, 'a') == (1, 'a'), None is None, [] == [])
            print(3 != 3.0, 'a' in 'cat', 2 in [1, 2], 2 not in {1: 'x'}, max(1, 2.5), min('b', 'a'))
            """, "True False True True True True\nTrue True True True True\nFalse True True True 2.5 a\n"),
        new(nameof(SortedMinMax_KeyAndReverse), """
            words = ['pear', 'Fig', 'apple', 'kiwi', 'date']
            print(sorted(words))
            print(sorted(words, key=len))
            print(sorted(words, key=str.lower, reverse=True))
            print(sorted(words, key=lambda w: (len(w), w)))
            nums = [3, -1, 4, -1, 5, -9]
            nums.sort(key=abs, reverse=True)
            print(nums)
            print(min(words, key=len), max(words, key=len), max(nums), min(nums, key=lambda n: -n))
            print(max([], default='none'), min(3, 1, 2), sorted({'b': 1, 'a': 2}.items(), key=lambda kv: kv[1]))
            print(sorted([(1, 'b'), (1, 'a'), (0, 'z')]), list(reversed([1, 2, 3])))
            """, "['Fig', 'apple', 'date', 'kiwi', 'pear']\n['Fig', 'pear', 'kiwi', 'date', 'apple']\n['pear', 'kiwi', 'Fig', 'date', 'apple']\n['Fig', 'date', 'kiwi', 'pear', 'apple']\n[-9, 5, 4, 3, -1, -1]\nFig apple 5 5\nnone 1 [('b', 1), ('a', 2)]\n[(0, 'z'), (1, 'a'), (1, 'b')] [3, 2, 1]\n"),
    ];

    [Fact]
    public void Comparisons_ChainedAndMixed() => Check();

    [Fact]
    public void SortedMinMax_KeyAndReverse() => Check();
}
