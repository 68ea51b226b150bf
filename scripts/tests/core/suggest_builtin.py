import sys
print(len(sys.argv))
prin("typo")
