s = 'ab\x'
