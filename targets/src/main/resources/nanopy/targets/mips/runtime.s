# The MIPS run-time library of nanopy (docs/mips.md; the routines are docs/runtime-abi.md's).
#
# Calling convention (the target's, see MipsIsa): argument k of a routine in pair k of
# $a0:$a1, $a2:$a3, $t0:$t1, $t2:$t3 (a reference in the low register), the result in $v0:$v1;
# $s0..$s7, $sp and $ra are preserved, everything else may be overwritten.
#
# Objects (on the heap, from sbrk; never freed), each word 4 bytes:
#   str    [4][n][code point 0]...[code point n-1]
#   list   [5][n][capacity][items]   items: an array of references (boxed elements)
#   tuple  [6][n][item 0]...[item n-1]
#   int    [1][0][lo][hi]            bool [2][0][0 or 1][0]
#   record n 8-byte words, word 0 the static link; closure [code][0][record][0]
# None is the null pointer. Output is buffered (4 KiB) and written with SPIM's write syscall to
# fd 1; run-time errors write CPython's last line to fd 2 and exit with status 1.

	.data
	.align 2
nanopy_mips_stack_limit: .word 0
rt_heap:      .word 0
rt_heap_end:  .word 0
rt_chunk:     .word 65536
rt_out_len:   .word 0
rt_in_pos:    .word 0
rt_in_len:    .word 0
rt_bld_data:  .word 0
rt_bld_len:   .word 0
rt_bld_cap:   .word 0
rt_bld_ra:    .word 0
rt_bld_cp:    .word 0
rt_out_buf:   .space 4100
rt_in_buf:    .space 4096
M_overflow:   .asciiz "OverflowError: integer overflow"
M_recursion:  .asciiz "RecursionError: maximum recursion depth exceeded"
M_zerodiv:    .asciiz "ZeroDivisionError: integer division or modulo by zero"
M_zeromod:    .asciiz "ZeroDivisionError: integer modulo by zero"
M_negpow:     .asciiz "ValueError: int ** negative int gives a float in Python; NanoPy needs a float base here"
M_eof:        .asciiz "EOFError: EOF when reading a line"
M_str_index:  .asciiz "IndexError: string index out of range"
M_list_index: .asciiz "IndexError: list index out of range"
M_list_set:   .asciiz "IndexError: list assignment index out of range"
M_pop_empty:  .asciiz "IndexError: pop from empty list"
M_pop_index:  .asciiz "IndexError: pop index out of range"
M_chr:        .asciiz "ValueError: chr() arg not in range(0x110000)"
M_chr_big:    .asciiz "OverflowError: Python int too large to convert to C int"
M_empty_sep:  .asciiz "ValueError: empty separator"
M_memory:     .asciiz "MemoryError"
M_newline:    .asciiz "\n"
M_bad_int:    .asciiz "ValueError: invalid literal for int() with base 10: "
M_ord:        .asciiz "TypeError: ord() expected a character, but string of length "
M_ord_found:  .asciiz " found"
	.align 2
S_True:       .word 4, 4, 84, 114, 117, 101
S_False:      .word 4, 5, 70, 97, 108, 115, 101
S_None:       .word 4, 4, 78, 111, 110, 101
S_empty:      .word 4, 0
S_newline:    .word 4, 1, 10
B_True:       .word 2, 0, 1, 0
B_False:      .word 2, 0, 0, 0

	.text
	.globl main
# Start-up: the stack limit (spim runs with -lstack 2 MiB; 64 KiB stay for the run-time library
# and the error path), the module's code, then a clean exit.
main:
	li $t0, 2031616
	subu $t0, $sp, $t0
	sw $t0, nanopy_mips_stack_limit
	jal nanopy_module
nanopy_mips_exit:
	jal rt_flush
	li $a0, 0
	li $v0, 17
	syscall

# rt_flush: writes the output buffer to fd 1. Overwrites $a0-$a2, $v0.
rt_flush:
	lw $a2, rt_out_len
	beqz $a2, rt_flush_done
	li $a0, 1
	la $a1, rt_out_buf
	li $v0, 15
	syscall
	sw $zero, rt_out_len
rt_flush_done:
	jr $ra

# nanopy_mips_die: $a0 an ASCII error line (no newline); flushes stdout, writes it to fd 2, exits 1.
nanopy_mips_die:
	move $s0, $a0
	jal rt_flush
	move $t0, $s0
rt_die_len:
	lb $t1, 0($t0)
	beqz $t1, rt_die_write
	addiu $t0, $t0, 1
	j rt_die_len
rt_die_write:
	li $a0, 2
	move $a1, $s0
	subu $a2, $t0, $s0
	li $v0, 15
	syscall
	li $a0, 2
	la $a1, M_newline
	li $a2, 1
	li $v0, 15
	syscall
	li $a0, 1
	li $v0, 17
	syscall

nanopy_mips_overflow:
	la $a0, M_overflow
	j nanopy_mips_die

nanopy_mips_recursion:
	la $a0, M_recursion
	j nanopy_mips_die

# void nanopy_rt_raise(str "ExceptionClass: message")
nanopy_rt_raise:
	move $s0, $a0
	jal rt_flush
	move $a0, $s0
	jal nanopy_rt_write
	la $a0, S_newline
	jal nanopy_rt_write
	li $a0, 2
	la $a1, rt_out_buf
	lw $a2, rt_out_len
	li $v0, 15
	syscall
	li $a0, 1
	li $v0, 17
	syscall

# rt_alloc: $a0 bytes -> $v0, 8-byte aligned, from sbrk in growing chunks. Overwrites $a0, $a1, $v1.
rt_alloc:
	addiu $a0, $a0, 7
	srl $a0, $a0, 3
	sll $a0, $a0, 3
	lw $v0, rt_heap
	addu $v1, $v0, $a0
	lw $a1, rt_heap_end
	sltu $a1, $a1, $v1
	bnez $a1, rt_alloc_more
	sw $v1, rt_heap
	jr $ra
rt_alloc_more:
	# a chunk of max(request, rt_chunk); chunks double from 64 KiB up to 4 MiB (plain `spim -file`
	# allows a data segment of about 1 MiB; the runner passes -ldata for more)
	move $a1, $a0
	lw $v1, rt_chunk
	sltu $v0, $a0, $v1
	beqz $v0, rt_alloc_sbrk
	move $a0, $v1
	sll $v1, $v1, 1
	li $v0, 4194304
	bgt $v1, $v0, rt_alloc_sbrk
	sw $v1, rt_chunk
rt_alloc_sbrk:
	move $v1, $a0
	li $v0, 9
	syscall
	beqz $v0, rt_alloc_fail
	addiu $v0, $v0, 7
	srl $v0, $v0, 3
	sll $v0, $v0, 3
	addu $v1, $v0, $v1
	addiu $v1, $v1, -8
	sw $v1, rt_heap_end
	addu $v1, $v0, $a1
	sw $v1, rt_heap
	jr $ra
rt_alloc_fail:
	la $a0, M_memory
	j nanopy_mips_die

# rt_zero: $a0 address, $a1 bytes (a multiple of 4) set to 0. Overwrites $a0, $a1.
rt_zero:
	beqz $a1, rt_zero_done
	sw $zero, 0($a0)
	addiu $a0, $a0, 4
	addiu $a1, $a1, -4
	j rt_zero
rt_zero_done:
	jr $ra

# rt_new_str: $a0 length n -> $v0 a str of n code points (uninitialised). Overwrites $a0, $a1, $v1, $t9.
rt_new_str:
	move $t9, $a0
	sll $a0, $a0, 2
	addiu $a0, $a0, 8
	addiu $sp, $sp, -8
	sw $ra, 4($sp)
	jal rt_alloc
	lw $ra, 4($sp)
	addiu $sp, $sp, 8
	li $a1, 4
	sw $a1, 0($v0)
	sw $t9, 4($v0)
	jr $ra

# ---- output and input ----

# void nanopy_rt_write(str): UTF-8 into the output buffer.
nanopy_rt_write:
	move $t6, $ra
	lw $t0, 4($a0)
	addiu $t1, $a0, 8
	lw $t2, rt_out_len
	la $t3, rt_out_buf
rt_w_loop:
	beqz $t0, rt_w_done
	slti $t4, $t2, 4092
	bnez $t4, rt_w_room
	sw $t2, rt_out_len
	jal rt_flush
	li $t2, 0
rt_w_room:
	lw $t4, 0($t1)
	addu $t5, $t3, $t2
	sltiu $t7, $t4, 0x80
	beqz $t7, rt_w_2
	sb $t4, 0($t5)
	addiu $t2, $t2, 1
	j rt_w_next
rt_w_2:
	sltiu $t7, $t4, 0x800
	beqz $t7, rt_w_3
	srl $t7, $t4, 6
	ori $t7, $t7, 0xC0
	sb $t7, 0($t5)
	andi $t7, $t4, 0x3F
	ori $t7, $t7, 0x80
	sb $t7, 1($t5)
	addiu $t2, $t2, 2
	j rt_w_next
rt_w_3:
	li $t7, 0x10000
	sltu $t7, $t4, $t7
	beqz $t7, rt_w_4
	srl $t7, $t4, 12
	ori $t7, $t7, 0xE0
	sb $t7, 0($t5)
	srl $t7, $t4, 6
	andi $t7, $t7, 0x3F
	ori $t7, $t7, 0x80
	sb $t7, 1($t5)
	andi $t7, $t4, 0x3F
	ori $t7, $t7, 0x80
	sb $t7, 2($t5)
	addiu $t2, $t2, 3
	j rt_w_next
rt_w_4:
	srl $t7, $t4, 18
	ori $t7, $t7, 0xF0
	sb $t7, 0($t5)
	srl $t7, $t4, 12
	andi $t7, $t7, 0x3F
	ori $t7, $t7, 0x80
	sb $t7, 1($t5)
	srl $t7, $t4, 6
	andi $t7, $t7, 0x3F
	ori $t7, $t7, 0x80
	sb $t7, 2($t5)
	andi $t7, $t4, 0x3F
	ori $t7, $t7, 0x80
	sb $t7, 3($t5)
	addiu $t2, $t2, 4
rt_w_next:
	addiu $t1, $t1, 4
	addiu $t0, $t0, -1
	j rt_w_loop
rt_w_done:
	sw $t2, rt_out_len
	jr $t6

# rt_getc: the next byte of stdin in $v0, or -1 at the end. Overwrites $a0-$a2, $v1.
rt_getc:
	lw $v1, rt_in_pos
	lw $a2, rt_in_len
	bne $v1, $a2, rt_getc_have
	li $a0, 0
	la $a1, rt_in_buf
	li $a2, 4096
	li $v0, 14
	syscall
	blez $v0, rt_getc_eof
	sw $v0, rt_in_len
	li $v1, 0
rt_getc_have:
	la $a0, rt_in_buf
	addu $a0, $a0, $v1
	lbu $v0, 0($a0)
	addiu $v1, $v1, 1
	sw $v1, rt_in_pos
	jr $ra
rt_getc_eof:
	sw $zero, rt_in_len
	sw $zero, rt_in_pos
	li $v0, -1
	jr $ra

# str nanopy_rt_input(void): one line of stdin (UTF-8) without its newline; EOFError at the end.
nanopy_rt_input:
	addiu $sp, $sp, -16
	sw $ra, 12($sp)
	sw $s0, 0($sp)
	sw $s1, 4($sp)
	jal rt_flush
	sw $zero, rt_bld_len
	li $s1, 0                      # bytes read
rt_in_loop:
	jal rt_getc
	bltz $v0, rt_in_end
	addiu $s1, $s1, 1
	li $t0, 10
	beq $v0, $t0, rt_in_done
	move $s0, $v0
	sltiu $t0, $s0, 0x80
	bnez $t0, rt_in_push
	# a UTF-8 lead byte: its continuation bytes follow
	sltiu $t0, $s0, 0xE0
	beqz $t0, rt_in_3
	andi $s0, $s0, 0x1F
	li $t1, 1
	j rt_in_cont
rt_in_3:
	sltiu $t0, $s0, 0xF0
	beqz $t0, rt_in_4
	andi $s0, $s0, 0x0F
	li $t1, 2
	j rt_in_cont
rt_in_4:
	andi $s0, $s0, 0x07
	li $t1, 3
rt_in_cont:
	addiu $sp, $sp, -8
	sw $t1, 0($sp)
	jal rt_getc
	lw $t1, 0($sp)
	addiu $sp, $sp, 8
	bltz $v0, rt_in_push
	andi $v0, $v0, 0x3F
	sll $s0, $s0, 6
	or $s0, $s0, $v0
	addiu $t1, $t1, -1
	bnez $t1, rt_in_cont
rt_in_push:
	move $a0, $s0
	jal rt_bld_push
	j rt_in_loop
rt_in_end:
	bnez $s1, rt_in_done
	la $a0, M_eof
	j nanopy_mips_die
rt_in_done:
	jal rt_bld_str
	lw $ra, 12($sp)
	lw $s0, 0($sp)
	lw $s1, 4($sp)
	addiu $sp, $sp, 16
	jr $ra

# int nanopy_rt_input_int(void)
nanopy_rt_input_int:
	addiu $sp, $sp, -8
	sw $ra, 4($sp)
	jal nanopy_rt_input
	move $a0, $v0
	jal nanopy_rt_str_to_int
	lw $ra, 4($sp)
	addiu $sp, $sp, 8
	jr $ra

# ---- the string builder (one, shared; reset by the routine that starts a string) ----

# rt_bld_push: appends code point $a0. Overwrites $a0, $a1, $v0, $v1, $t8, $t9.
rt_bld_push:
	lw $t8, rt_bld_len
	lw $t9, rt_bld_cap
	bne $t8, $t9, rt_bp_room
	sw $ra, rt_bld_ra
	sw $a0, rt_bld_cp
	sll $t9, $t9, 1
	addiu $t9, $t9, 16
	sw $t9, rt_bld_cap
	sll $a0, $t9, 2
	jal rt_alloc
	lw $t9, rt_bld_data
	move $a1, $v0
rt_bp_copy:
	beqz $t8, rt_bp_copied
	lw $a0, 0($t9)
	sw $a0, 0($a1)
	addiu $t9, $t9, 4
	addiu $a1, $a1, 4
	addiu $t8, $t8, -1
	j rt_bp_copy
rt_bp_copied:
	sw $v0, rt_bld_data
	lw $t8, rt_bld_len
	lw $a0, rt_bld_cp
	lw $ra, rt_bld_ra
rt_bp_room:
	lw $t9, rt_bld_data
	sll $v0, $t8, 2
	addu $t9, $t9, $v0
	sw $a0, 0($t9)
	addiu $t8, $t8, 1
	sw $t8, rt_bld_len
	jr $ra

# rt_bld_ascii: appends the ASCII bytes at $a0 (NUL-terminated). Overwrites $a0-$a1, $v0, $v1, $t7-$t9.
rt_bld_ascii:
	addiu $sp, $sp, -8
	sw $ra, 4($sp)
	move $t7, $a0
rt_ba_loop:
	lbu $a0, 0($t7)
	beqz $a0, rt_ba_done
	jal rt_bld_push
	addiu $t7, $t7, 1
	j rt_ba_loop
rt_ba_done:
	lw $ra, 4($sp)
	addiu $sp, $sp, 8
	jr $ra

# rt_bld_push_str: appends str $a0. Overwrites $a0, $a1, $v0, $v1, $t6-$t9.
rt_bld_push_str:
	addiu $sp, $sp, -8
	sw $ra, 4($sp)
	lw $t6, 4($a0)
	addiu $t7, $a0, 8
rt_bps_loop:
	beqz $t6, rt_bps_done
	lw $a0, 0($t7)
	jal rt_bld_push
	addiu $t7, $t7, 4
	addiu $t6, $t6, -1
	j rt_bps_loop
rt_bps_done:
	lw $ra, 4($sp)
	addiu $sp, $sp, 8
	jr $ra

# rt_bld_str: the builder's contents as a new str in $v0. Overwrites $a0, $a1, $v1, $t8, $t9.
rt_bld_str:
	addiu $sp, $sp, -8
	sw $ra, 4($sp)
	lw $a0, rt_bld_len
	jal rt_new_str
	lw $t8, rt_bld_len
	lw $t9, rt_bld_data
	addiu $a1, $v0, 8
rt_bs_copy:
	beqz $t8, rt_bs_done
	lw $a0, 0($t9)
	sw $a0, 0($a1)
	addiu $t9, $t9, 4
	addiu $a1, $a1, 4
	addiu $t8, $t8, -1
	j rt_bs_copy
rt_bs_done:
	lw $ra, 4($sp)
	addiu $sp, $sp, 8
	jr $ra

# ---- boxes, records, closures ----

nanopy_rt_box_int:
	move $t0, $a0
	move $t1, $a1
	move $t2, $ra
	li $a0, 16
	jal rt_alloc
	li $t3, 1
	sw $t3, 0($v0)
	sw $zero, 4($v0)
	sw $t0, 8($v0)
	sw $t1, 12($v0)
	jr $t2

nanopy_rt_box_bool:
	la $v0, B_False
	beqz $a0, rt_box_bool_done
	la $v0, B_True
rt_box_bool_done:
	jr $ra

nanopy_rt_unbox_int:
nanopy_rt_unbox_bool:
	lw $v0, 8($a0)
	lw $v1, 12($a0)
	jr $ra

# record nanopy_rt_record_new(int n): n zeroed 8-byte words
nanopy_rt_record_new:
	move $t2, $ra
	sll $t0, $a0, 3
	move $a0, $t0
	jal rt_alloc
	move $t1, $v0
	move $a0, $v0
	move $a1, $t0
	jal rt_zero
	move $v0, $t1
	jr $t2

nanopy_rt_closure_new:
	move $t0, $a0
	move $t2, $ra
	li $a0, 16
	jal rt_alloc
	sw $t0, 0($v0)
	sw $zero, 4($v0)
	sw $zero, 8($v0)
	sw $zero, 12($v0)
	jr $t2

# ---- 64-bit integers: (lo, hi) pairs ----

# nanopy_mips_mul64: ($a0:$a1) * ($a2:$a3) -> $v0:$v1, OverflowError outside 64 bits.
nanopy_mips_mul64:
	sra $t0, $a0, 31
	bne $t0, $a1, rt_mul_wide
	sra $t0, $a2, 31
	bne $t0, $a3, rt_mul_wide
	mult $a0, $a2
	mflo $v0
	mfhi $v1
	jr $ra
rt_mul_wide:
	xor $t9, $a1, $a3              # the product's sign in bit 31
	bgez $a1, rt_mul_a_pos
	subu $t0, $zero, $a0
	sltu $t1, $zero, $a0
	subu $a1, $zero, $a1
	subu $a1, $a1, $t1
	move $a0, $t0
rt_mul_a_pos:
	bgez $a3, rt_mul_b_pos
	subu $t0, $zero, $a2
	sltu $t1, $zero, $a2
	subu $a3, $zero, $a3
	subu $a3, $a3, $t1
	move $a2, $t0
rt_mul_b_pos:
	beqz $a1, rt_mul_one_high
	bnez $a3, nanopy_mips_overflow
rt_mul_one_high:
	multu $a1, $a2
	mfhi $t0
	bnez $t0, nanopy_mips_overflow
	mflo $t2
	multu $a0, $a3
	mfhi $t0
	bnez $t0, nanopy_mips_overflow
	mflo $t3
	addu $t2, $t2, $t3             # one of the two cross products is 0
	multu $a0, $a2
	mflo $v0
	mfhi $v1
	addu $v1, $v1, $t2
	sltu $t0, $v1, $t2
	bnez $t0, nanopy_mips_overflow
	# the magnitude $v0:$v1 must be below 2**63 (or equal to it for a negative product)
	bgez $v1, rt_mul_fits
	bgez $t9, nanopy_mips_overflow
	li $t0, 0x80000000
	bne $v1, $t0, nanopy_mips_overflow
	bnez $v0, nanopy_mips_overflow
	jr $ra                         # -2**63
rt_mul_fits:
	bgez $t9, rt_mul_done
	subu $t0, $zero, $v0
	sltu $t1, $zero, $v0
	subu $v1, $zero, $v1
	subu $v1, $v1, $t1
	move $v0, $t0
rt_mul_done:
	jr $ra

# rt_udivmod: unsigned ($a0:$a1) / ($a2:$a3), divisor not 0 -> quotient $v0:$v1, remainder $t0:$t1.
# Shift and subtract, one quotient bit per step. Overwrites $t2-$t5.
rt_udivmod:
	bnez $a1, rt_udm_long
	bnez $a3, rt_udm_long
	# spim's divu gets 0x80000000 / 0xffffffff wrong (it takes it for the signed overflow case)
	li $t2, -1
	beq $a2, $t2, rt_udm_long
	divu $a0, $a2
	mflo $v0
	mfhi $t0
	li $v1, 0
	li $t1, 0
	jr $ra
rt_udm_long:
	li $v0, 0
	li $v1, 0
	li $t0, 0
	li $t1, 0
	li $t2, 64
rt_udm_step:
	# remainder = remainder << 1 | top bit of the dividend; dividend <<= 1
	sll $t1, $t1, 1
	srl $t3, $t0, 31
	or $t1, $t1, $t3
	sll $t0, $t0, 1
	srl $t3, $a1, 31
	or $t0, $t0, $t3
	sll $a1, $a1, 1
	srl $t3, $a0, 31
	or $a1, $a1, $t3
	sll $a0, $a0, 1
	# quotient <<= 1
	sll $v1, $v1, 1
	srl $t3, $v0, 31
	or $v1, $v1, $t3
	sll $v0, $v0, 1
	# remainder >= divisor: subtract, set the quotient bit
	bltu $t1, $a3, rt_udm_next
	bne $t1, $a3, rt_udm_sub
	bltu $t0, $a2, rt_udm_next
rt_udm_sub:
	sltu $t3, $t0, $a2
	subu $t0, $t0, $a2
	subu $t1, $t1, $a3
	subu $t1, $t1, $t3
	ori $v0, $v0, 1
rt_udm_next:
	addiu $t2, $t2, -1
	bnez $t2, rt_udm_step
	jr $ra

# rt_divmod: signed ($a0:$a1) / ($a2:$a3), divisor not 0, rounded toward zero: quotient
# $v0:$v1, remainder $t0:$t1 (sign of the dividend). Overwrites $t2-$t7.
rt_divmod:
	move $t6, $a1                  # dividend's sign
	xor $t7, $a1, $a3              # quotient's sign
	bgez $a1, rt_dm_a
	subu $t0, $zero, $a0
	sltu $t1, $zero, $a0
	subu $a1, $zero, $a1
	subu $a1, $a1, $t1
	move $a0, $t0
rt_dm_a:
	bgez $a3, rt_dm_b
	subu $t0, $zero, $a2
	sltu $t1, $zero, $a2
	subu $a3, $zero, $a3
	subu $a3, $a3, $t1
	move $a2, $t0
rt_dm_b:
	move $t5, $ra
	jal rt_udivmod
	move $ra, $t5
	bgez $t7, rt_dm_q
	subu $t2, $zero, $v0
	sltu $t3, $zero, $v0
	subu $v1, $zero, $v1
	subu $v1, $v1, $t3
	move $v0, $t2
rt_dm_q:
	bgez $t6, rt_dm_r
	subu $t2, $zero, $t0
	sltu $t3, $zero, $t0
	subu $t1, $zero, $t1
	subu $t1, $t1, $t3
	move $t0, $t2
rt_dm_r:
	jr $ra

# int nanopy_rt_int_floor_div(int a, int b)
nanopy_rt_int_floor_div:
	or $t0, $a2, $a3
	bnez $t0, rt_fd_nonzero
	la $a0, M_zerodiv
	j nanopy_mips_die
rt_fd_nonzero:
	# -2**63 // -1 does not fit
	li $t0, -1
	bne $a2, $t0, rt_fd_ok
	bne $a3, $t0, rt_fd_ok
	bnez $a0, rt_fd_ok
	li $t0, 0x80000000
	beq $a1, $t0, nanopy_mips_overflow
rt_fd_ok:
	move $t8, $a3                  # divisor's high word (its sign)
	move $t9, $ra
	jal rt_divmod
	move $ra, $t9
	# floor: a nonzero remainder whose sign differs from the divisor's takes one off the quotient
	or $t2, $t0, $t1
	beqz $t2, rt_fd_done
	xor $t2, $t1, $t8
	bgez $t2, rt_fd_done
	sltiu $t3, $v0, 1
	addiu $v0, $v0, -1
	subu $v1, $v1, $t3
rt_fd_done:
	jr $ra

# int nanopy_rt_int_mod(int a, int b)
nanopy_rt_int_mod:
	or $t0, $a2, $a3
	bnez $t0, rt_mod_nonzero
	la $a0, M_zeromod
	j nanopy_mips_die
rt_mod_nonzero:
	move $t8, $a2
	move $t9, $a3
	move $t4, $ra
	addiu $sp, $sp, -8
	sw $t4, 4($sp)
	jal rt_divmod
	lw $ra, 4($sp)
	addiu $sp, $sp, 8
	move $v0, $t0
	move $v1, $t1
	or $t2, $t0, $t1
	beqz $t2, rt_mod_done
	xor $t2, $t1, $t9
	bgez $t2, rt_mod_done
	addu $v0, $t0, $t8             # remainder + divisor
	sltu $t3, $v0, $t0
	addu $v1, $t1, $t9
	addu $v1, $v1, $t3
rt_mod_done:
	jr $ra

# int nanopy_rt_int_pow(int base, int exp): square and multiply
nanopy_rt_int_pow:
	bgez $a3, rt_pow_ok
	la $a0, M_negpow
	j nanopy_mips_die
rt_pow_ok:
	addiu $sp, $sp, -32
	sw $ra, 28($sp)
	sw $s0, 0($sp)
	sw $s1, 4($sp)
	sw $s2, 8($sp)
	sw $s3, 12($sp)
	sw $s4, 16($sp)
	sw $s5, 20($sp)
	move $s0, $a0                  # base
	move $s1, $a1
	move $s2, $a2                  # exponent
	move $s3, $a3
	li $s4, 1                      # result
	li $s5, 0
rt_pow_loop:
	or $t0, $s2, $s3
	beqz $t0, rt_pow_done
	andi $t0, $s2, 1
	beqz $t0, rt_pow_square
	move $a0, $s4
	move $a1, $s5
	move $a2, $s0
	move $a3, $s1
	jal nanopy_mips_mul64
	move $s4, $v0
	move $s5, $v1
rt_pow_square:
	srl $s2, $s2, 1
	sll $t0, $s3, 31
	or $s2, $s2, $t0
	srl $s3, $s3, 1
	or $t0, $s2, $s3
	beqz $t0, rt_pow_done
	move $a0, $s0
	move $a1, $s1
	move $a2, $s0
	move $a3, $s1
	jal nanopy_mips_mul64
	move $s0, $v0
	move $s1, $v1
	j rt_pow_loop
rt_pow_done:
	move $v0, $s4
	move $v1, $s5
	lw $ra, 28($sp)
	lw $s0, 0($sp)
	lw $s1, 4($sp)
	lw $s2, 8($sp)
	lw $s3, 12($sp)
	lw $s4, 16($sp)
	lw $s5, 20($sp)
	addiu $sp, $sp, 32
	jr $ra

# rt_lt64: $v0 = ($a0:$a1) < ($a2:$a3), signed. Overwrites nothing else.
rt_lt64:
	slt $v0, $a1, $a3
	bne $a1, $a3, rt_lt64_done
	sltu $v0, $a0, $a2
rt_lt64_done:
	jr $ra

nanopy_rt_int_min:
	move $t9, $ra
	jal rt_lt64
	move $ra, $t9
	bnez $v0, rt_min_a
	move $v0, $a2
	move $v1, $a3
	jr $ra
rt_min_a:
	move $v0, $a0
	move $v1, $a1
	jr $ra

nanopy_rt_int_max:
	move $t9, $ra
	jal rt_lt64
	move $ra, $t9
	bnez $v0, rt_max_b
	move $v0, $a0
	move $v1, $a1
	jr $ra
rt_max_b:
	move $v0, $a2
	move $v1, $a3
	jr $ra

nanopy_rt_int_abs:
	move $v0, $a0
	move $v1, $a1
	bgez $a1, rt_abs_done
	subu $v0, $zero, $a0
	sltu $t1, $zero, $a0
	subu $v1, $zero, $a1
	subu $v1, $v1, $t1
	bltz $v1, nanopy_mips_overflow
rt_abs_done:
	jr $ra

# str nanopy_rt_to_str_int(int): decimal digits, a 64-bit division by 10 per digit in 16-bit steps
nanopy_rt_to_str_int:
	addiu $sp, $sp, -32
	sw $ra, 28($sp)
	move $t0, $a0
	move $t1, $a1
	slt $t9, $t1, $zero
	beqz $t9, rt_tsi_pos
	sltu $t2, $zero, $t0
	subu $t0, $zero, $t0
	subu $t1, $zero, $t1
	subu $t1, $t1, $t2
rt_tsi_pos:
	addiu $t3, $sp, 24
	li $t8, 10
rt_tsi_loop:
	divu $t1, $t8
	mflo $t1
	mfhi $t4
	sll $t4, $t4, 16
	srl $t5, $t0, 16
	or $t4, $t4, $t5
	divu $t4, $t8
	mflo $t5
	mfhi $t4
	sll $t4, $t4, 16
	andi $t6, $t0, 0xffff
	or $t4, $t4, $t6
	divu $t4, $t8
	mflo $t6
	mfhi $t4
	sll $t5, $t5, 16
	or $t0, $t5, $t6
	addiu $t4, $t4, 48
	addiu $t3, $t3, -1
	sb $t4, 0($t3)
	or $t7, $t0, $t1
	bnez $t7, rt_tsi_loop
	beqz $t9, rt_tsi_make
	li $t4, 45
	addiu $t3, $t3, -1
	sb $t4, 0($t3)
rt_tsi_make:
	addiu $t7, $sp, 24
	subu $t7, $t7, $t3
	move $a0, $t7
	jal rt_new_str
	addiu $t5, $v0, 8
rt_tsi_copy:
	beqz $t7, rt_tsi_done
	lbu $t4, 0($t3)
	sw $t4, 0($t5)
	addiu $t3, $t3, 1
	addiu $t5, $t5, 4
	addiu $t7, $t7, -1
	j rt_tsi_copy
rt_tsi_done:
	lw $ra, 28($sp)
	addiu $sp, $sp, 32
	jr $ra

nanopy_rt_to_str_bool:
	la $v0, S_False
	beqz $a0, rt_tsb_done
	la $v0, S_True
rt_tsb_done:
	jr $ra

# str nanopy_rt_to_str_obj(obj): a str itself, None, or the repr of a list or tuple
nanopy_rt_to_str_obj:
	la $v0, S_None
	beqz $a0, rt_tso_done
	lw $t0, 0($a0)
	li $t1, 4
	move $v0, $a0
	beq $t0, $t1, rt_tso_done
	addiu $sp, $sp, -8
	sw $ra, 4($sp)
	sw $zero, rt_bld_len
	jal rt_repr
	jal rt_bld_str
	lw $ra, 4($sp)
	addiu $sp, $sp, 8
rt_tso_done:
	jr $ra

# rt_repr: appends repr($a0) to the builder (recursive through lists and tuples).
rt_repr:
	addiu $sp, $sp, -24
	sw $ra, 20($sp)
	sw $s0, 0($sp)
	sw $s1, 4($sp)
	sw $s2, 8($sp)
	sw $s3, 12($sp)
	move $s0, $a0
	beqz $s0, rt_repr_none
	lw $t0, 0($s0)
	li $t1, 1
	beq $t0, $t1, rt_repr_int
	li $t1, 2
	beq $t0, $t1, rt_repr_bool
	li $t1, 4
	beq $t0, $t1, rt_repr_str
	li $t1, 5
	beq $t0, $t1, rt_repr_list
	li $t1, 6
	beq $t0, $t1, rt_repr_tuple
rt_repr_none:
	la $a0, S_None
	jal rt_bld_push_str
	j rt_repr_done
rt_repr_int:
	lw $a0, 8($s0)
	lw $a1, 12($s0)
	jal nanopy_rt_to_str_int
	move $a0, $v0
	jal rt_bld_push_str
	j rt_repr_done
rt_repr_bool:
	lw $a0, 8($s0)
	jal nanopy_rt_to_str_bool
	move $a0, $v0
	jal rt_bld_push_str
	j rt_repr_done
rt_repr_str:
	move $a0, $s0
	jal rt_repr_string
	j rt_repr_done
rt_repr_list:
	li $a0, 91
	jal rt_bld_push
	li $s1, 0
	lw $s2, 4($s0)
rt_repr_list_loop:
	beq $s1, $s2, rt_repr_list_end
	beqz $s1, rt_repr_list_item
	li $a0, 44
	jal rt_bld_push
	li $a0, 32
	jal rt_bld_push
rt_repr_list_item:
	lw $t0, 12($s0)
	sll $t1, $s1, 2
	addu $t0, $t0, $t1
	lw $a0, 0($t0)
	jal rt_repr
	addiu $s1, $s1, 1
	j rt_repr_list_loop
rt_repr_list_end:
	li $a0, 93
	jal rt_bld_push
	j rt_repr_done
rt_repr_tuple:
	li $a0, 40
	jal rt_bld_push
	li $s1, 0
	lw $s2, 4($s0)
rt_repr_tuple_loop:
	beq $s1, $s2, rt_repr_tuple_end
	beqz $s1, rt_repr_tuple_item
	li $a0, 44
	jal rt_bld_push
	li $a0, 32
	jal rt_bld_push
rt_repr_tuple_item:
	sll $t1, $s1, 2
	addu $t0, $s0, $t1
	lw $a0, 8($t0)
	jal rt_repr
	addiu $s1, $s1, 1
	j rt_repr_tuple_loop
rt_repr_tuple_end:
	li $t0, 1
	bne $s2, $t0, rt_repr_tuple_close
	li $a0, 44
	jal rt_bld_push
rt_repr_tuple_close:
	li $a0, 41
	jal rt_bld_push
rt_repr_done:
	lw $ra, 20($sp)
	lw $s0, 0($sp)
	lw $s1, 4($sp)
	lw $s2, 8($sp)
	lw $s3, 12($sp)
	addiu $sp, $sp, 24
	jr $ra

# rt_repr_string: appends Python's repr of str $a0: single quotes unless it has ' and no ",
# backslash escapes for the quote, \\, \t, \n, \r, and \xNN for other control characters.
rt_repr_string:
	addiu $sp, $sp, -24
	sw $ra, 20($sp)
	sw $s0, 0($sp)
	sw $s1, 4($sp)
	sw $s2, 8($sp)
	sw $s3, 12($sp)
	move $s0, $a0
	lw $s1, 4($s0)
	li $s3, 39                     # the quote
	li $t2, 0                      # has '
	li $t3, 0                      # has "
	move $t0, $s1
	addiu $t1, $s0, 8
rt_rs_scan:
	beqz $t0, rt_rs_scanned
	lw $t4, 0($t1)
	li $t5, 39
	bne $t4, $t5, rt_rs_not_single
	li $t2, 1
rt_rs_not_single:
	li $t5, 34
	bne $t4, $t5, rt_rs_not_double
	li $t3, 1
rt_rs_not_double:
	addiu $t1, $t1, 4
	addiu $t0, $t0, -1
	j rt_rs_scan
rt_rs_scanned:
	beqz $t2, rt_rs_open
	bnez $t3, rt_rs_open
	li $s3, 34
rt_rs_open:
	move $a0, $s3
	jal rt_bld_push
	addiu $s2, $s0, 8
rt_rs_loop:
	beqz $s1, rt_rs_close
	lw $s0, 0($s2)
	beq $s0, $s3, rt_rs_escape
	li $t0, 92
	beq $s0, $t0, rt_rs_escape
	li $t0, 10
	li $a0, 110
	beq $s0, $t0, rt_rs_named
	li $t0, 13
	li $a0, 114
	beq $s0, $t0, rt_rs_named
	li $t0, 9
	li $a0, 116
	beq $s0, $t0, rt_rs_named
	sltiu $t0, $s0, 32
	bnez $t0, rt_rs_hex
	li $t0, 127
	beq $s0, $t0, rt_rs_hex
	sltiu $t0, $s0, 0x80
	bnez $t0, rt_rs_plain
	sltiu $t0, $s0, 0xA1
	bnez $t0, rt_rs_hex
	li $t0, 0xAD
	beq $s0, $t0, rt_rs_hex
rt_rs_plain:
	move $a0, $s0
	jal rt_bld_push
	j rt_rs_next
rt_rs_escape:
	li $a0, 92
	jal rt_bld_push
	move $a0, $s0
	jal rt_bld_push
	j rt_rs_next
rt_rs_named:
	sw $a0, 16($sp)
	li $a0, 92
	jal rt_bld_push
	lw $a0, 16($sp)
	jal rt_bld_push
	j rt_rs_next
rt_rs_hex:
	li $a0, 92
	jal rt_bld_push
	li $a0, 120
	jal rt_bld_push
	srl $a0, $s0, 4
	jal rt_hex_digit
	jal rt_bld_push
	andi $a0, $s0, 15
	jal rt_hex_digit
	jal rt_bld_push
rt_rs_next:
	addiu $s2, $s2, 4
	addiu $s1, $s1, -1
	j rt_rs_loop
rt_rs_close:
	move $a0, $s3
	jal rt_bld_push
	lw $ra, 20($sp)
	lw $s0, 0($sp)
	lw $s1, 4($sp)
	lw $s2, 8($sp)
	lw $s3, 12($sp)
	addiu $sp, $sp, 24
	jr $ra

# rt_hex_digit: $a0 (0..15) -> its lower-case hex digit in $a0
rt_hex_digit:
	addiu $a0, $a0, 48
	sltiu $v0, $a0, 58
	bnez $v0, rt_hex_done
	addiu $a0, $a0, 39
rt_hex_done:
	jr $ra

# ---- helpers for sequences ----

# rt_copy_words: copies $a2 words from $a0 to $a1; $a1 ends after the last one. Overwrites $a0, $a2, $v1.
rt_copy_words:
	beqz $a2, rt_cw_done
	lw $v1, 0($a0)
	sw $v1, 0($a1)
	addiu $a0, $a0, 4
	addiu $a1, $a1, 4
	addiu $a2, $a2, -1
	j rt_copy_words
rt_cw_done:
	jr $ra

# rt_norm_index: index $a0:$a1 into a sequence of length $a2 (negative from the end) -> $v0, or -1
# when it is out of range. Overwrites $v0 only.
rt_norm_index:
	bnez $a1, rt_ni_neg
	bltz $a0, rt_ni_bad
	move $v0, $a0
	j rt_ni_check
rt_ni_neg:
	li $v0, -1
	bne $a1, $v0, rt_ni_bad
	bgez $a0, rt_ni_bad
	addu $v0, $a0, $a2
rt_ni_check:
	bltz $v0, rt_ni_bad
	bge $v0, $a2, rt_ni_bad
	jr $ra
rt_ni_bad:
	li $v0, -1
	jr $ra

# rt_slice_bound: slice bound $a0 (a boxed int, or None for the default $a2) of a sequence of
# length $a1 -> $v0 in 0..$a1, as Python clamps it. Overwrites $v0, $v1.
rt_slice_bound:
	move $v0, $a2
	beqz $a0, rt_sb_done
	lw $v0, 8($a0)
	lw $v1, 12($a0)
	bnez $v1, rt_sb_wide
	bltz $v0, rt_sb_big
	ble $v0, $a1, rt_sb_done
rt_sb_big:
	move $v0, $a1
	jr $ra
rt_sb_wide:
	bgez $v1, rt_sb_big
	addiu $v1, $v1, 1
	bnez $v1, rt_sb_zero
	bgez $v0, rt_sb_zero
	addu $v0, $v0, $a1
	bgez $v0, rt_sb_done
rt_sb_zero:
	li $v0, 0
rt_sb_done:
	jr $ra

# rt_substr: str $a0, code points $a1 up to $a2 -> a new str in $v0. Overwrites $a0-$a3, $v1, $t8, $t9.
rt_substr:
	addiu $sp, $sp, -16
	sw $ra, 12($sp)
	sw $a0, 0($sp)
	sw $a1, 4($sp)
	subu $a3, $a2, $a1
	sw $a3, 8($sp)
	move $a0, $a3
	jal rt_new_str
	lw $a0, 0($sp)
	lw $a1, 4($sp)
	sll $a1, $a1, 2
	addu $a0, $a0, $a1
	addiu $a0, $a0, 8
	addiu $a1, $v0, 8
	lw $a2, 8($sp)
	jal rt_copy_words
	lw $ra, 12($sp)
	addiu $sp, $sp, 16
	jr $ra

# rt_isspace: $v0 = whether code point $a0 is whitespace (Python's str.isspace). Overwrites $v0, $v1.
rt_isspace:
	li $v0, 1
	li $v1, 32
	beq $a0, $v1, rt_sp_done
	sltiu $v1, $a0, 9
	bnez $v1, rt_sp_no
	sltiu $v1, $a0, 14
	bnez $v1, rt_sp_done
	sltiu $v1, $a0, 28
	bnez $v1, rt_sp_no
	sltiu $v1, $a0, 32
	bnez $v1, rt_sp_done
	li $v1, 0x85
	beq $a0, $v1, rt_sp_done
	li $v1, 0xA0
	beq $a0, $v1, rt_sp_done
	li $v1, 0x1680
	beq $a0, $v1, rt_sp_done
	li $v1, 0x2028
	beq $a0, $v1, rt_sp_done
	li $v1, 0x2029
	beq $a0, $v1, rt_sp_done
	li $v1, 0x202F
	beq $a0, $v1, rt_sp_done
	li $v1, 0x205F
	beq $a0, $v1, rt_sp_done
	li $v1, 0x3000
	beq $a0, $v1, rt_sp_done
	li $v1, 0x2000
	sltu $v1, $a0, $v1
	bnez $v1, rt_sp_no
	li $v1, 0x200B
	sltu $v0, $a0, $v1
	jr $ra
rt_sp_no:
	li $v0, 0
rt_sp_done:
	jr $ra

# ---- strings ----

nanopy_rt_str_len:
nanopy_rt_list_len:
nanopy_rt_tuple_len:
	lw $v0, 4($a0)
	li $v1, 0
	jr $ra

nanopy_rt_str_index:
	addiu $sp, $sp, -8
	sw $ra, 4($sp)
	sw $a0, 0($sp)
	move $t0, $a0
	move $a0, $a2
	move $a1, $a3
	lw $a2, 4($t0)
	jal rt_norm_index
	bgez $v0, rt_si_ok
	la $a0, M_str_index
	j nanopy_mips_die
rt_si_ok:
	lw $a0, 0($sp)
	move $a1, $v0
	addiu $a2, $v0, 1
	jal rt_substr
	lw $ra, 4($sp)
	addiu $sp, $sp, 8
	jr $ra

nanopy_rt_str_slice:
	addiu $sp, $sp, -16
	sw $ra, 12($sp)
	sw $a0, 0($sp)
	sw $t0, 4($sp)
	move $a0, $a2
	lw $t1, 0($sp)
	lw $a1, 4($t1)
	li $a2, 0
	jal rt_slice_bound
	sw $v0, 8($sp)
	lw $a0, 4($sp)
	lw $t1, 0($sp)
	lw $a1, 4($t1)
	move $a2, $a1
	jal rt_slice_bound
	move $a2, $v0
	lw $a1, 8($sp)
	bge $a2, $a1, rt_ss_ok
	move $a2, $a1
rt_ss_ok:
	lw $a0, 0($sp)
	jal rt_substr
	lw $ra, 12($sp)
	addiu $sp, $sp, 16
	jr $ra

nanopy_rt_str_concat:
	addiu $sp, $sp, -16
	sw $ra, 12($sp)
	sw $a0, 0($sp)
	sw $a2, 4($sp)
	lw $t0, 4($a0)
	lw $t1, 4($a2)
	addu $a0, $t0, $t1
	jal rt_new_str
	addiu $a1, $v0, 8
	lw $t0, 0($sp)
	lw $a2, 4($t0)
	addiu $a0, $t0, 8
	jal rt_copy_words
	lw $t0, 4($sp)
	lw $a2, 4($t0)
	addiu $a0, $t0, 8
	jal rt_copy_words
	lw $ra, 12($sp)
	addiu $sp, $sp, 16
	jr $ra

# rt_str_cmp: str $a0 against str $a2 by code points -> $v0 -1, 0 or 1. Overwrites $t0-$t5.
rt_str_cmp:
	lw $t0, 4($a0)
	lw $t1, 4($a2)
	addiu $t2, $a0, 8
	addiu $t3, $a2, 8
rt_sc_loop:
	beqz $t0, rt_sc_a_end
	beqz $t1, rt_sc_greater
	lw $t4, 0($t2)
	lw $t5, 0($t3)
	bne $t4, $t5, rt_sc_differ
	addiu $t2, $t2, 4
	addiu $t3, $t3, 4
	addiu $t0, $t0, -1
	addiu $t1, $t1, -1
	j rt_sc_loop
rt_sc_a_end:
	li $v0, 0
	beqz $t1, rt_sc_done
	li $v0, -1
	jr $ra
rt_sc_differ:
	bltu $t4, $t5, rt_sc_less
rt_sc_greater:
	li $v0, 1
	jr $ra
rt_sc_less:
	li $v0, -1
rt_sc_done:
	jr $ra

nanopy_rt_str_eq:
	move $t9, $ra
	jal rt_str_cmp
	sltiu $v0, $v0, 1
	li $v1, 0
	jr $t9
nanopy_rt_str_ne:
	move $t9, $ra
	jal rt_str_cmp
	sltu $v0, $zero, $v0
	li $v1, 0
	jr $t9
nanopy_rt_str_lt:
	move $t9, $ra
	jal rt_str_cmp
	slt $v0, $v0, $zero
	li $v1, 0
	jr $t9
nanopy_rt_str_le:
	move $t9, $ra
	jal rt_str_cmp
	slti $v0, $v0, 1
	li $v1, 0
	jr $t9
nanopy_rt_str_gt:
	move $t9, $ra
	jal rt_str_cmp
	slt $v0, $zero, $v0
	li $v1, 0
	jr $t9
nanopy_rt_str_ge:
	move $t9, $ra
	jal rt_str_cmp
	slt $v0, $v0, $zero
	xori $v0, $v0, 1
	li $v1, 0
	jr $t9

# rt_find: the first index >= $a1 where str $a2 occurs in str $a0 -> $v0, or -1. Overwrites $t0-$t6.
rt_find:
	lw $t0, 4($a2)
	lw $t1, 4($a0)
	move $t2, $a1
	subu $t1, $t1, $t0
rt_find_outer:
	bgt $t2, $t1, rt_find_none
	li $t3, 0
rt_find_inner:
	beq $t3, $t0, rt_find_found
	addu $t4, $t2, $t3
	sll $t4, $t4, 2
	addu $t4, $a0, $t4
	lw $t4, 8($t4)
	sll $t5, $t3, 2
	addu $t5, $a2, $t5
	lw $t5, 8($t5)
	bne $t4, $t5, rt_find_next
	addiu $t3, $t3, 1
	j rt_find_inner
rt_find_next:
	addiu $t2, $t2, 1
	j rt_find_outer
rt_find_found:
	move $v0, $t2
	jr $ra
rt_find_none:
	li $v0, -1
	jr $ra

# int nanopy_rt_str_in(str a, str b): a in b
nanopy_rt_str_in:
	move $t9, $ra
	move $t8, $a0
	move $a0, $a2
	move $a2, $t8
	li $a1, 0
	jal rt_find
	slt $v0, $v0, $zero
	xori $v0, $v0, 1
	li $v1, 0
	jr $t9

nanopy_rt_str_not_in:
	move $t7, $ra
	jal nanopy_rt_str_in
	xori $v0, $v0, 1
	jr $t7

nanopy_rt_str_repeat:
	bltz $a3, rt_sr_empty
	bnez $a3, rt_sr_memory
	beqz $a2, rt_sr_empty
	lw $t0, 4($a0)
	beqz $t0, rt_sr_empty
	multu $t0, $a2
	mfhi $t1
	bnez $t1, rt_sr_memory
	mflo $t1
	li $t2, 0x4000000
	bgeu $t1, $t2, rt_sr_memory
	addiu $sp, $sp, -16
	sw $ra, 12($sp)
	sw $s0, 0($sp)
	sw $s1, 4($sp)
	sw $s2, 8($sp)
	move $s0, $a0
	move $s1, $a2
	move $a0, $t1
	jal rt_new_str
	move $s2, $v0
	addiu $a1, $v0, 8
rt_sr_loop:
	beqz $s1, rt_sr_done
	addiu $a0, $s0, 8
	lw $a2, 4($s0)
	jal rt_copy_words
	addiu $s1, $s1, -1
	j rt_sr_loop
rt_sr_done:
	move $v0, $s2
	lw $ra, 12($sp)
	lw $s0, 0($sp)
	lw $s1, 4($sp)
	lw $s2, 8($sp)
	addiu $sp, $sp, 16
	jr $ra
rt_sr_empty:
	la $v0, S_empty
	jr $ra
rt_sr_memory:
	la $a0, M_memory
	j nanopy_mips_die

# str nanopy_rt_str_join(str sep, list of str)
nanopy_rt_str_join:
	addiu $sp, $sp, -16
	sw $ra, 12($sp)
	sw $s0, 0($sp)
	sw $s1, 4($sp)
	sw $s2, 8($sp)
	move $s0, $a0
	move $s1, $a2
	li $s2, 0
	sw $zero, rt_bld_len
rt_join_loop:
	lw $t0, 4($s1)
	beq $s2, $t0, rt_join_done
	beqz $s2, rt_join_item
	move $a0, $s0
	jal rt_bld_push_str
rt_join_item:
	lw $t0, 12($s1)
	sll $t1, $s2, 2
	addu $t0, $t0, $t1
	lw $a0, 0($t0)
	jal rt_bld_push_str
	addiu $s2, $s2, 1
	j rt_join_loop
rt_join_done:
	jal rt_bld_str
	lw $ra, 12($sp)
	lw $s0, 0($sp)
	lw $s1, 4($sp)
	lw $s2, 8($sp)
	addiu $sp, $sp, 16
	jr $ra

# list nanopy_rt_str_split(str): split on runs of whitespace
nanopy_rt_str_split:
	addiu $sp, $sp, -24
	sw $ra, 20($sp)
	sw $s0, 0($sp)
	sw $s1, 4($sp)
	sw $s2, 8($sp)
	sw $s3, 12($sp)
	sw $s4, 16($sp)
	move $s0, $a0
	lw $s2, 4($a0)
	li $s1, 0
	li $a0, 0
	jal rt_list_alloc
	move $s3, $v0
rt_split_skip:
	bge $s1, $s2, rt_split_done
	sll $t0, $s1, 2
	addu $t0, $s0, $t0
	lw $a0, 8($t0)
	jal rt_isspace
	beqz $v0, rt_split_word
	addiu $s1, $s1, 1
	j rt_split_skip
rt_split_word:
	move $s4, $s1
rt_split_scan:
	bge $s4, $s2, rt_split_cut
	sll $t0, $s4, 2
	addu $t0, $s0, $t0
	lw $a0, 8($t0)
	jal rt_isspace
	bnez $v0, rt_split_cut
	addiu $s4, $s4, 1
	j rt_split_scan
rt_split_cut:
	move $a0, $s0
	move $a1, $s1
	move $a2, $s4
	jal rt_substr
	move $a0, $s3
	move $a2, $v0
	jal nanopy_rt_list_append
	move $s1, $s4
	j rt_split_skip
rt_split_done:
	move $v0, $s3
	lw $ra, 20($sp)
	lw $s0, 0($sp)
	lw $s1, 4($sp)
	lw $s2, 8($sp)
	lw $s3, 12($sp)
	lw $s4, 16($sp)
	addiu $sp, $sp, 24
	jr $ra

# list nanopy_rt_str_split_sep(str s, str sep)
nanopy_rt_str_split_sep:
	lw $t0, 4($a2)
	bnez $t0, rt_sps_ok
	la $a0, M_empty_sep
	j nanopy_mips_die
rt_sps_ok:
	addiu $sp, $sp, -24
	sw $ra, 20($sp)
	sw $s0, 0($sp)
	sw $s1, 4($sp)
	sw $s2, 8($sp)
	sw $s3, 12($sp)
	sw $s4, 16($sp)
	move $s0, $a0
	move $s2, $a2
	li $s1, 0
	li $a0, 0
	jal rt_list_alloc
	move $s3, $v0
rt_sps_loop:
	move $a0, $s0
	move $a1, $s1
	move $a2, $s2
	jal rt_find
	move $s4, $v0
	bgez $s4, rt_sps_cut
	lw $s4, 4($s0)
rt_sps_cut:
	move $a0, $s0
	move $a1, $s1
	move $a2, $s4
	jal rt_substr
	move $a0, $s3
	move $a2, $v0
	jal nanopy_rt_list_append
	lw $t0, 4($s0)
	beq $s4, $t0, rt_sps_done
	lw $t0, 4($s2)
	addu $s1, $s4, $t0
	j rt_sps_loop
rt_sps_done:
	move $v0, $s3
	lw $ra, 20($sp)
	lw $s0, 0($sp)
	lw $s1, 4($sp)
	lw $s2, 8($sp)
	lw $s3, 12($sp)
	lw $s4, 16($sp)
	addiu $sp, $sp, 24
	jr $ra

# str nanopy_rt_str_strip(str)
nanopy_rt_str_strip:
	addiu $sp, $sp, -16
	sw $ra, 12($sp)
	sw $s0, 0($sp)
	sw $s1, 4($sp)
	sw $s2, 8($sp)
	move $s0, $a0
	li $s1, 0
	lw $s2, 4($a0)
rt_strip_front:
	bge $s1, $s2, rt_strip_cut
	sll $t0, $s1, 2
	addu $t0, $s0, $t0
	lw $a0, 8($t0)
	jal rt_isspace
	beqz $v0, rt_strip_back
	addiu $s1, $s1, 1
	j rt_strip_front
rt_strip_back:
	sll $t0, $s2, 2
	addu $t0, $s0, $t0
	lw $a0, 4($t0)
	jal rt_isspace
	beqz $v0, rt_strip_cut
	addiu $s2, $s2, -1
	j rt_strip_back
rt_strip_cut:
	move $a0, $s0
	move $a1, $s1
	move $a2, $s2
	bge $a2, $a1, rt_strip_make
	move $a2, $a1
rt_strip_make:
	jal rt_substr
	lw $ra, 12($sp)
	lw $s0, 0($sp)
	lw $s1, 4($sp)
	lw $s2, 8($sp)
	addiu $sp, $sp, 16
	jr $ra

nanopy_rt_ord:
	lw $t0, 4($a0)
	li $t1, 1
	bne $t0, $t1, rt_ord_bad
	lw $v0, 8($a0)
	li $v1, 0
	jr $ra
rt_ord_bad:
	move $s0, $t0
	sw $zero, rt_bld_len
	la $a0, M_ord
	jal rt_bld_ascii
	move $a0, $s0
	li $a1, 0
	jal nanopy_rt_to_str_int
	move $a0, $v0
	jal rt_bld_push_str
	la $a0, M_ord_found
	jal rt_bld_ascii
	jal rt_bld_str
	move $a0, $v0
	j nanopy_rt_raise

nanopy_rt_chr:
	sra $t0, $a0, 31
	beq $t0, $a1, rt_chr_int
	la $a0, M_chr_big
	j nanopy_mips_die
rt_chr_int:
	bltz $a0, rt_chr_bad
	li $t0, 0x110000
	bge $a0, $t0, rt_chr_bad
	move $t0, $a0
	move $t2, $ra
	li $a0, 1
	jal rt_new_str
	sw $t0, 8($v0)
	jr $t2
rt_chr_bad:
	la $a0, M_chr
	j nanopy_mips_die

# int nanopy_rt_str_to_int(str): int(s) in base 10 (ASCII spaces around, a sign, digits with single
# underscores between them)
nanopy_rt_str_to_int:
	addiu $sp, $sp, -40
	sw $ra, 36($sp)
	sw $s0, 0($sp)
	sw $s1, 4($sp)
	sw $s2, 8($sp)
	sw $s3, 12($sp)
	sw $s4, 16($sp)
	sw $s5, 20($sp)
	sw $s6, 24($sp)
	sw $s7, 28($sp)
	move $s0, $a0
	lw $s1, 4($a0)                 # length
	li $s2, 0                      # position
	li $s3, 0                      # negative
	li $s4, 0                      # magnitude lo
	li $s5, 0                      # magnitude hi
	li $s6, 0                      # too big
	li $s7, 0                      # digits seen
rt_sti_lead:
	jal rt_sti_peek
	jal rt_sti_space
	beqz $v0, rt_sti_sign
	addiu $s2, $s2, 1
	j rt_sti_lead
rt_sti_sign:
	jal rt_sti_peek
	li $t0, 45
	bne $v1, $t0, rt_sti_plus
	li $s3, 1
	addiu $s2, $s2, 1
	j rt_sti_digits
rt_sti_plus:
	li $t0, 43
	bne $v1, $t0, rt_sti_digits
	addiu $s2, $s2, 1
rt_sti_digits:
	jal rt_sti_peek
	addiu $t0, $v1, -48
	bltz $t0, rt_sti_not_digit
	bge $t0, 10, rt_sti_not_digit
	li $s7, 1
	addiu $s2, $s2, 1
	bnez $s6, rt_sti_digits
	# magnitude = magnitude * 10 + digit, unless that passes 2**64 / 10
	li $t1, 0x0CCCCCCC
	bgtu $s5, $t1, rt_sti_big
	bne $s5, $t1, rt_sti_times
	li $t1, 0xCCCCCCCC
	bgtu $s4, $t1, rt_sti_big
rt_sti_times:
	sll $t2, $s5, 3
	srl $t3, $s4, 29
	or $t2, $t2, $t3
	sll $t3, $s4, 3                # $t3:$t2 = magnitude * 8
	sll $t4, $s5, 1
	srl $t5, $s4, 31
	or $t4, $t4, $t5
	sll $t5, $s4, 1                # $t5:$t4 = magnitude * 2
	addu $s4, $t3, $t5
	sltu $t6, $s4, $t3
	addu $s5, $t2, $t4
	addu $s5, $s5, $t6
	addu $s4, $s4, $t0
	sltu $t6, $s4, $t0
	addu $s5, $s5, $t6
	j rt_sti_digits
rt_sti_big:
	li $s6, 1
	j rt_sti_digits
rt_sti_not_digit:
	beqz $s7, rt_sti_bad
	li $t0, 95
	bne $v1, $t0, rt_sti_trail
	# an underscore must sit between two digits
	addiu $s2, $s2, 1
	jal rt_sti_peek
	addiu $t0, $v1, -48
	bltz $t0, rt_sti_bad
	bge $t0, 10, rt_sti_bad
	j rt_sti_digits
rt_sti_trail:
	jal rt_sti_peek
	jal rt_sti_space
	beqz $v0, rt_sti_end
	addiu $s2, $s2, 1
	j rt_sti_trail
rt_sti_end:
	bne $s2, $s1, rt_sti_bad
	bnez $s6, nanopy_mips_overflow
	# the magnitude must fit: below 2**63, or 2**63 itself when negative
	bgez $s5, rt_sti_fits
	beqz $s3, nanopy_mips_overflow
	li $t0, 0x80000000
	bne $s5, $t0, nanopy_mips_overflow
	bnez $s4, nanopy_mips_overflow
rt_sti_fits:
	move $v0, $s4
	move $v1, $s5
	beqz $s3, rt_sti_done
	subu $v0, $zero, $s4
	sltu $t0, $zero, $s4
	subu $v1, $zero, $s5
	subu $v1, $v1, $t0
rt_sti_done:
	lw $ra, 36($sp)
	lw $s0, 0($sp)
	lw $s1, 4($sp)
	lw $s2, 8($sp)
	lw $s3, 12($sp)
	lw $s4, 16($sp)
	lw $s5, 20($sp)
	lw $s6, 24($sp)
	lw $s7, 28($sp)
	addiu $sp, $sp, 40
	jr $ra
rt_sti_bad:
	sw $zero, rt_bld_len
	la $a0, M_bad_int
	jal rt_bld_ascii
	move $a0, $s0
	jal rt_repr_string
	jal rt_bld_str
	move $a0, $v0
	j nanopy_rt_raise
# rt_sti_peek: $v1 = code point $s2 of $s0, or -1 past the end
rt_sti_peek:
	li $v1, -1
	bge $s2, $s1, rt_sti_peek_done
	sll $v1, $s2, 2
	addu $v1, $s0, $v1
	lw $v1, 8($v1)
rt_sti_peek_done:
	jr $ra
# rt_sti_space: $v0 = whether $v1 is an ASCII space (int() strips those)
rt_sti_space:
	li $v0, 1
	li $t0, 32
	beq $v1, $t0, rt_sti_space_done
	addiu $t0, $v1, -9
	sltiu $v0, $t0, 5
rt_sti_space_done:
	jr $ra

# ---- lists and tuples ----

# rt_list_alloc: a new list of $a0 items, each None -> $v0. Overwrites $a0, $a1, $v1, $t8, $t9.
rt_list_alloc:
	addiu $sp, $sp, -16
	sw $ra, 12($sp)
	sw $s0, 0($sp)
	sw $s1, 4($sp)
	move $s0, $a0
	li $a0, 16
	jal rt_alloc
	move $s1, $v0
	li $t8, 5
	sw $t8, 0($s1)
	sw $s0, 4($s1)
	move $t8, $s0
	bge $t8, 4, rt_la_cap
	li $t8, 4
rt_la_cap:
	sw $t8, 8($s1)
	sll $a0, $t8, 2
	jal rt_alloc
	sw $v0, 12($s1)
	move $a0, $v0
	lw $a1, 8($s1)
	sll $a1, $a1, 2
	jal rt_zero
	move $v0, $s1
	lw $ra, 12($sp)
	lw $s0, 0($sp)
	lw $s1, 4($sp)
	addiu $sp, $sp, 16
	jr $ra

# rt_list_reserve: makes list $a0 hold at least $a1 items without growing. Overwrites $a0-$a3, $v0, $v1, $t8, $t9.
rt_list_reserve:
	lw $v0, 8($a0)
	bge $v0, $a1, rt_lr_done
	addiu $sp, $sp, -16
	sw $ra, 12($sp)
	sw $s0, 0($sp)
	sw $s1, 4($sp)
	move $s0, $a0
	sll $v0, $v0, 1
	bge $v0, $a1, rt_lr_cap
	move $v0, $a1
rt_lr_cap:
	move $s1, $v0
	sll $a0, $v0, 2
	jal rt_alloc
	move $a1, $v0
	lw $a0, 12($s0)
	lw $a2, 4($s0)
	move $t8, $v0
	jal rt_copy_words
	sw $t8, 12($s0)
	sw $s1, 8($s0)
	lw $ra, 12($sp)
	lw $s0, 0($sp)
	lw $s1, 4($sp)
	addiu $sp, $sp, 16
rt_lr_done:
	jr $ra

nanopy_rt_list_new:
	j rt_list_alloc

nanopy_rt_list_init:
	lw $t1, 12($a0)
	sll $t2, $a2, 2
	addu $t1, $t1, $t2
	sw $t0, 0($t1)
	jr $ra

nanopy_rt_list_set:
	move $t9, $ra
	move $t7, $a0
	move $a0, $a2
	move $a1, $a3
	lw $a2, 4($t7)
	jal rt_norm_index
	bgez $v0, rt_ls_ok
	la $a0, M_list_set
	j nanopy_mips_die
rt_ls_ok:
	lw $t1, 12($t7)
	sll $t2, $v0, 2
	addu $t1, $t1, $t2
	sw $t0, 0($t1)
	jr $t9

nanopy_rt_list_index:
	move $t9, $ra
	move $t7, $a0
	move $a0, $a2
	move $a1, $a3
	lw $a2, 4($t7)
	jal rt_norm_index
	bgez $v0, rt_li_ok
	la $a0, M_list_index
	j nanopy_mips_die
rt_li_ok:
	lw $t1, 12($t7)
	sll $t2, $v0, 2
	addu $t1, $t1, $t2
	lw $v0, 0($t1)
	jr $t9

nanopy_rt_list_append:
	lw $t0, 4($a0)
	lw $t1, 8($a0)
	bne $t0, $t1, rt_lap_room
	addiu $sp, $sp, -16
	sw $ra, 12($sp)
	sw $a0, 0($sp)
	sw $a2, 4($sp)
	addiu $a1, $t0, 1
	jal rt_list_reserve
	lw $ra, 12($sp)
	lw $a0, 0($sp)
	lw $a2, 4($sp)
	addiu $sp, $sp, 16
	lw $t0, 4($a0)
rt_lap_room:
	lw $t1, 12($a0)
	sll $t2, $t0, 2
	addu $t1, $t1, $t2
	sw $a2, 0($t1)
	addiu $t0, $t0, 1
	sw $t0, 4($a0)
	jr $ra

nanopy_rt_list_pop:
	lw $t0, 4($a0)
	bnez $t0, rt_lp_ok
	la $a0, M_pop_empty
	j nanopy_mips_die
rt_lp_ok:
	addiu $t0, $t0, -1
	sw $t0, 4($a0)
	lw $t1, 12($a0)
	sll $t2, $t0, 2
	addu $t1, $t1, $t2
	lw $v0, 0($t1)
	jr $ra

nanopy_rt_list_pop_at:
	lw $t0, 4($a0)
	bnez $t0, rt_lpa_nonempty
	la $a0, M_pop_empty
	j nanopy_mips_die
rt_lpa_nonempty:
	move $t9, $ra
	move $t7, $a0
	move $a0, $a2
	move $a1, $a3
	move $a2, $t0
	jal rt_norm_index
	bgez $v0, rt_lpa_ok
	la $a0, M_pop_index
	j nanopy_mips_die
rt_lpa_ok:
	lw $t0, 4($t7)
	lw $t1, 12($t7)
	sll $t2, $v0, 2
	addu $t1, $t1, $t2
	lw $t3, 0($t1)                 # the item
	addiu $t0, $t0, -1
	sw $t0, 4($t7)
	subu $t4, $t0, $v0             # items after it
rt_lpa_shift:
	beqz $t4, rt_lpa_done
	lw $t5, 4($t1)
	sw $t5, 0($t1)
	addiu $t1, $t1, 4
	addiu $t4, $t4, -1
	j rt_lpa_shift
rt_lpa_done:
	move $v0, $t3
	jr $t9

# list nanopy_rt_list_concat(list a, list b)
nanopy_rt_list_concat:
	addiu $sp, $sp, -16
	sw $ra, 12($sp)
	sw $s0, 0($sp)
	sw $s1, 4($sp)
	sw $s2, 8($sp)
	move $s0, $a0
	move $s1, $a2
	lw $t0, 4($a0)
	lw $t1, 4($a2)
	addu $a0, $t0, $t1
	jal rt_list_alloc
	move $s2, $v0
	lw $a1, 12($v0)
	lw $a0, 12($s0)
	lw $a2, 4($s0)
	jal rt_copy_words
	lw $a0, 12($s1)
	lw $a2, 4($s1)
	jal rt_copy_words
	move $v0, $s2
	lw $ra, 12($sp)
	lw $s0, 0($sp)
	lw $s1, 4($sp)
	lw $s2, 8($sp)
	addiu $sp, $sp, 16
	jr $ra

# list nanopy_rt_list_repeat(list l, int n)
nanopy_rt_list_repeat:
	addiu $sp, $sp, -16
	sw $ra, 12($sp)
	sw $s0, 0($sp)
	sw $s1, 4($sp)
	sw $s2, 8($sp)
	move $s0, $a0
	li $s1, 0
	bltz $a3, rt_lrp_make
	lw $t0, 4($a0)
	beqz $t0, rt_lrp_make
	bnez $a3, rt_lrp_memory
	multu $t0, $a2
	mfhi $t1
	bnez $t1, rt_lrp_memory
	mflo $t1
	li $t2, 0x4000000
	bgeu $t1, $t2, rt_lrp_memory
	move $s1, $a2
rt_lrp_make:
	lw $t0, 4($s0)
	multu $t0, $s1
	mflo $a0
	jal rt_list_alloc
	move $s2, $v0
	lw $a1, 12($v0)
rt_lrp_loop:
	beqz $s1, rt_lrp_done
	lw $a0, 12($s0)
	lw $a2, 4($s0)
	jal rt_copy_words
	addiu $s1, $s1, -1
	j rt_lrp_loop
rt_lrp_done:
	move $v0, $s2
	lw $ra, 12($sp)
	lw $s0, 0($sp)
	lw $s1, 4($sp)
	lw $s2, 8($sp)
	addiu $sp, $sp, 16
	jr $ra
rt_lrp_memory:
	la $a0, M_memory
	j nanopy_mips_die

# list nanopy_rt_list_slice(list l, obj lo, obj hi)
nanopy_rt_list_slice:
	addiu $sp, $sp, -24
	sw $ra, 20($sp)
	sw $s0, 0($sp)
	sw $s1, 4($sp)
	sw $s2, 8($sp)
	move $s0, $a0
	sw $t0, 12($sp)
	move $a0, $a2
	lw $a1, 4($s0)
	li $a2, 0
	jal rt_slice_bound
	move $s1, $v0
	lw $a0, 12($sp)
	lw $a1, 4($s0)
	move $a2, $a1
	jal rt_slice_bound
	subu $s2, $v0, $s1
	bgez $s2, rt_lsl_make
	li $s2, 0
rt_lsl_make:
	move $a0, $s2
	jal rt_list_alloc
	move $t7, $v0
	lw $a1, 12($v0)
	lw $a0, 12($s0)
	sll $t0, $s1, 2
	addu $a0, $a0, $t0
	move $a2, $s2
	jal rt_copy_words
	move $v0, $t7
	lw $ra, 20($sp)
	lw $s0, 0($sp)
	lw $s1, 4($sp)
	lw $s2, 8($sp)
	addiu $sp, $sp, 24
	jr $ra

# void nanopy_rt_list_extend(list l, list m)
nanopy_rt_list_extend:
	addiu $sp, $sp, -16
	sw $ra, 12($sp)
	sw $s0, 0($sp)
	sw $s1, 4($sp)
	sw $s2, 8($sp)
	move $s0, $a0
	move $s1, $a2
	lw $s2, 4($a2)                 # m's length before l grows (l may be m)
	lw $t0, 4($a0)
	addu $a1, $t0, $s2
	jal rt_list_reserve
	lw $t0, 4($s0)
	lw $a1, 12($s0)
	sll $t1, $t0, 2
	addu $a1, $a1, $t1
	lw $a0, 12($s1)
	move $a2, $s2
	jal rt_copy_words
	lw $t0, 4($s0)
	addu $t0, $t0, $s2
	sw $t0, 4($s0)
	lw $ra, 12($sp)
	lw $s0, 0($sp)
	lw $s1, 4($sp)
	lw $s2, 8($sp)
	addiu $sp, $sp, 16
	jr $ra

nanopy_rt_tuple_new:
	move $t0, $a0
	move $t2, $ra
	sll $a0, $a0, 2
	addiu $a0, $a0, 8
	jal rt_alloc
	move $t1, $v0
	li $a0, 6
	sw $a0, 0($v0)
	sw $t0, 4($v0)
	addiu $a0, $v0, 8
	sll $a1, $t0, 2
	jal rt_zero
	move $v0, $t1
	jr $t2

nanopy_rt_tuple_init:
	sll $t1, $a2, 2
	addu $t1, $a0, $t1
	sw $t0, 8($t1)
	jr $ra

nanopy_rt_tuple_get:
	sll $t1, $a2, 2
	addu $t1, $a0, $t1
	lw $v0, 8($t1)
	jr $ra

nanopy_rt_truthy:
	li $v1, 0
	move $v0, $zero
	beqz $a0, rt_truthy_done
	lw $v0, 4($a0)
	sltu $v0, $zero, $v0
rt_truthy_done:
	jr $ra

# rt_value_eq: $v0 = ($a0 == $a2) as Python compares None, boxed ints and bools, str, lists and
# tuples (elementwise). Preserves $s0-$s7.
rt_value_eq:
	li $v0, 1
	beq $a0, $a2, rt_ve_ret
	li $v0, 0
	beqz $a0, rt_ve_ret
	beqz $a2, rt_ve_ret
	lw $t0, 0($a0)
	lw $t1, 0($a2)
	sltiu $t2, $t0, 3
	sltiu $t3, $t1, 3
	and $t2, $t2, $t3
	bnez $t2, rt_ve_number
	bne $t0, $t1, rt_ve_ret
	li $t2, 4
	beq $t0, $t2, rt_ve_str
	li $t2, 5
	beq $t0, $t2, rt_ve_seq
	li $t2, 6
	beq $t0, $t2, rt_ve_seq
	jr $ra
rt_ve_number:
	lw $t0, 8($a0)
	lw $t1, 8($a2)
	bne $t0, $t1, rt_ve_ret
	lw $t0, 12($a0)
	lw $t1, 12($a2)
	bne $t0, $t1, rt_ve_ret
	li $v0, 1
rt_ve_ret:
	jr $ra
rt_ve_str:
	move $t9, $ra
	jal rt_str_cmp
	sltiu $v0, $v0, 1
	jr $t9
rt_ve_seq:
	lw $t2, 4($a0)
	lw $t3, 4($a2)
	bne $t2, $t3, rt_ve_ret
	addiu $sp, $sp, -24
	sw $ra, 20($sp)
	sw $s0, 0($sp)
	sw $s1, 4($sp)
	sw $s2, 8($sp)
	li $t4, 5
	addiu $s0, $a0, 8
	addiu $s1, $a2, 8
	bne $t0, $t4, rt_ve_items
	lw $s0, 12($a0)
	lw $s1, 12($a2)
rt_ve_items:
	move $s2, $t2
rt_ve_loop:
	li $v0, 1
	beqz $s2, rt_ve_seq_done
	lw $a0, 0($s0)
	lw $a2, 0($s1)
	jal rt_value_eq
	beqz $v0, rt_ve_seq_done
	addiu $s0, $s0, 4
	addiu $s1, $s1, 4
	addiu $s2, $s2, -1
	j rt_ve_loop
rt_ve_seq_done:
	lw $ra, 20($sp)
	lw $s0, 0($sp)
	lw $s1, 4($sp)
	lw $s2, 8($sp)
	addiu $sp, $sp, 24
	jr $ra

nanopy_rt_value_eq:
	move $t8, $ra
	jal rt_value_eq
	li $v1, 0
	jr $t8

nanopy_rt_value_ne:
	move $t8, $ra
	jal rt_value_eq
	xori $v0, $v0, 1
	li $v1, 0
	jr $t8

# int nanopy_rt_list_in(obj x, list l)
nanopy_rt_list_in:
	addiu $sp, $sp, -16
	sw $ra, 12($sp)
	sw $s0, 0($sp)
	sw $s1, 4($sp)
	sw $s2, 8($sp)
	move $s0, $a0
	lw $s1, 12($a2)
	lw $s2, 4($a2)
rt_lin_loop:
	li $v0, 0
	beqz $s2, rt_lin_done
	move $a0, $s0
	lw $a2, 0($s1)
	jal rt_value_eq
	bnez $v0, rt_lin_done
	addiu $s1, $s1, 4
	addiu $s2, $s2, -1
	j rt_lin_loop
rt_lin_done:
	li $v1, 0
	lw $ra, 12($sp)
	lw $s0, 0($sp)
	lw $s1, 4($sp)
	lw $s2, 8($sp)
	addiu $sp, $sp, 16
	jr $ra

nanopy_rt_list_not_in:
	addiu $sp, $sp, -8
	sw $ra, 4($sp)
	jal nanopy_rt_list_in
	xori $v0, $v0, 1
	lw $ra, 4($sp)
	addiu $sp, $sp, 8
	jr $ra
